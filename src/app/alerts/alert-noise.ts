import { DomainError } from '../../domain/errors.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertNoise } from './alert-ports.js';

const week = 7 * 24 * 3_600_000;

/** `/incident alerts [service]`: the noisiest alerts of the last 7 days, to fix at the source. */
export const alertNoise = (deps: Pick<UseCaseDeps, 'alerts' | 'config' | 'clock'>, input: { service: string | null }): { service: string | null; rows: AlertNoise[] } => {
  const wanted = input.service?.trim().toLowerCase() || null;
  const service = wanted ? deps.config().services.find((candidate) => candidate.id.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted) : undefined;
  if (wanted && !service) {
    throw new DomainError('INVALID_INPUT', `No service \`${wanted}\` in the configuration. \`/incident oncall\` lists them.`);
  }
  return { service: service?.id ?? null, rows: deps.alerts.noise(deps.clock.now() - week, service?.id ?? null, 10) };
};
