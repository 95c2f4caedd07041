import type { Logger } from 'pino';
import type { IncidentConfig } from './incident-config.js';

/** Readies what a new configuration needs (throwing when it cannot) and returns the write that applies it. */
export type ReloadStep = (next: IncidentConfig) => () => void;

export interface ConfigStore {
  current(): IncidentConfig;
  /** Adds a step every reload runs with the new configuration before it is put in force. */
  onReload(step: ReloadStep): void;
  /**
   * Reads the file again and builds everything it implies first: every step is prepared, then applied,
   * and only then is the new configuration swapped in. Any failure refuses the reload (logged with the
   * reason) and the configuration in force stays.
   */
  reload(): { ok: true } | { ok: false; error: string };
}

export const createConfigStore = (load: () => IncidentConfig, logger: Logger): ConfigStore => {
  let config = load();
  const steps: ReloadStep[] = [];
  const log = logger.child({ module: 'config' });
  return {
    current: () => config,
    onReload: (step) => {
      steps.push(step);
    },
    reload: () => {
      try {
        const next = load();
        const writes = steps.map((step) => step(next));
        for (const write of writes) write();
        config = next;
        log.info({ services: config.services.length, schedules: config.schedules.length }, 'configuration reloaded');
        return { ok: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error({ reason: message }, 'configuration reload refused; keeping the configuration in force');
        return { ok: false, error: message };
      }
    },
  };
};
