import type { AlertSource, AlertSourceType } from '../domain/escalation/types.js';
import type { IncidentConfig } from './incident-config.js';
import { ConfigError } from './env.js';

export type SecretEnv = Record<string, string | undefined>;

const value = (env: SecretEnv, name: string): string | undefined => {
  const found = env[name]?.trim();
  return found ? found : undefined;
};

/**
 * Refuses to start when an alert source or the API names an environment variable that is unset: a
 * sender would otherwise be refused with 401 at 3 a.m. instead of at deploy time. One line, naming
 * the variable and never a value.
 */
export const checkAlertSecrets = (config: IncidentConfig, env: SecretEnv): void => {
  const missing = config.alerts.sources.find((source) => value(env, source.tokenEnv) === undefined);
  if (missing) {
    throw new ConfigError(`${missing.tokenEnv} is not set: alerts source ${missing.id} (${missing.type}) takes its token from it`);
  }
  if (config.api.tokenEnv && value(env, config.api.tokenEnv) === undefined) {
    throw new ConfigError(`${config.api.tokenEnv} is not set: api.token_env names it for /api/maintenance`);
  }
  const prometheusToken = config.prometheus?.tokenEnv;
  if (prometheusToken && value(env, prometheusToken) === undefined) {
    throw new ConfigError(`${prometheusToken} is not set: prometheus.token_env names it for the SLOs' queries`);
  }
};

/** Reads the secrets when a request comes, so a configuration reload takes effect without a restart. */
export interface SecretReader {
  /** The source of this endpoint type whose token this is, if any. */
  sourceFor(type: AlertSourceType, token: string, equal: (a: string, b: string) => boolean): AlertSource | undefined;
  apiToken(): string | undefined;
}

export const secretReader = (config: () => IncidentConfig, env: SecretEnv): SecretReader => ({
  sourceFor: (type, token, equal) =>
    config().alerts.sources.find((source) => {
      const secret = source.type === type ? value(env, source.tokenEnv) : undefined;
      return secret !== undefined && equal(secret, token);
    }),
  apiToken: () => {
    const name = config().api.tokenEnv;
    return name ? value(env, name) : undefined;
  },
});

/** The bearer token of the Prometheus the SLOs read, when the configuration names one (read at each query, as a reload may change it). */
export const prometheusToken = (tokenEnv: string | null, env: SecretEnv): string | undefined => (tokenEnv ? value(env, tokenEnv) : undefined);
