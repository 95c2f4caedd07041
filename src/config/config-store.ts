import type { Logger } from 'pino';
import type { IncidentConfig } from '../domain/escalation/types.js';

export interface ConfigStore {
  current(): IncidentConfig;
  /** Reads the file again; an invalid file is refused and the configuration in force is kept. */
  reload(): { ok: true } | { ok: false; error: string };
}

export const createConfigStore = (load: () => IncidentConfig, logger: Logger): ConfigStore => {
  let config = load();
  const log = logger.child({ module: 'config' });
  return {
    current: () => config,
    reload: () => {
      try {
        config = load();
        log.info({ services: config.services.length, schedules: config.schedules.length }, 'configuration reloaded');
        return { ok: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error({ error: message }, 'configuration reload refused; keeping the configuration in force');
        return { ok: false, error: message };
      }
    },
  };
};
