import { describe, expect, it } from 'vitest';
import { defaultIncidentConfig } from '../../src/config/incident-config.js';
import { withEnvironment } from '../../src/config/resolve-config.js';

describe('one value for the announcements channel', () => {
  const fromFile = (announcements: string | null) => {
    const config = defaultIncidentConfig();
    return { ...config, channels: { ...config.channels, announcements } };
  };

  it.each([
    ['the environment wins over the file', 'C0FILE', 'C0ENV', 'C0ENV'],
    ['the file stands when the environment is unset', 'C0FILE', undefined, 'C0FILE'],
    ['the environment alone', null, 'C0ENV', 'C0ENV'],
    ['neither: no announcements', null, undefined, null],
  ])('%s', (_name, file, env, expected) => {
    expect(withEnvironment(fromFile(file), { announcementsChannel: env }).channels.announcements).toBe(expected);
  });
});
