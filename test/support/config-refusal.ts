import { expect } from 'vitest';
import { ConfigError } from '../../src/config/env.js';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';

/** The lines a refused configuration file's error names, one per field (its first line is the file's name). */
export const configRefusal = (yaml: string): string[] => {
  try {
    parseIncidentConfig(yaml, 'test.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  throw new Error('expected the configuration to be refused');
};
