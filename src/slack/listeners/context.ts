import type { Logger } from 'pino';
import type { UseCaseDeps } from '../../app/ports.js';

/** What every listener gets: the use cases' dependencies and a logger. */
export interface ListenerContext {
  deps: UseCaseDeps;
  logger: Logger;
}
