import type { Logger } from 'pino';
import type { UseCaseDeps } from '../../app/use-case-deps.js';

/** What every listener gets: the use cases' dependencies and a logger. */
export interface ListenerContext {
  deps: UseCaseDeps;
  logger: Logger;
}
