import { z } from 'zod';
import { durationHint, parseDuration } from '../domain/escalation/duration.js';
import type { Slo } from '../domain/slo/error-budget.js';
import { envName, id, list, strict, text } from './schema-parts.js';

// The SLO sections of the configuration file (snake_case), and what they become.

const windowMs = z.string({ error: durationHint }).transform((value, context) => {
  const parsed = parseDuration(value);
  if (!parsed) context.addIssue({ code: 'custom', message: durationHint, input: value });
  return parsed?.ms ?? z.NEVER;
});

const urlHint = 'must be the http(s) URL of a Prometheus server, such as http://prometheus:9090';
const prometheusUrl = z
  .string({ error: urlHint })
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), urlHint)
  .transform((value) => value.replace(/\/+$/, ''));

const objectiveHint = 'must be a percentage above 0 and below 100, such as 99.9';
const query = text.refine((value) => value.includes('$window'), 'must contain $window where the range goes, such as rate(http_requests_total[$window])');

const sloFile = strict({
  id,
  service: id,
  objective: z.number({ error: objectiveHint }).gt(0, objectiveHint).lt(100, objectiveHint),
  window: windowMs.optional(),
  good: query,
  total: query,
});

export const sloSections = {
  prometheus: strict({ url: prometheusUrl, timeout: windowMs.optional(), evaluate_every: windowMs.optional(), token_env: envName.optional() }).nullish(),
  slos: list(sloFile),
  /** OpenSLO files, relative to the configuration file: their SLOs join `slos` (config/openslo.ts). */
  openslo: list(text),
};

type SloSections = z.infer<z.ZodObject<typeof sloSections>>;

/** 28 days: four whole weeks, so every weekday counts alike. */
export const defaultSloWindowMs = 28 * 86_400_000;
const defaultTimeoutMs = 10_000;
const defaultEvaluateEveryMs = 60_000;

export interface PrometheusConfig {
  url: string;
  /** How long one query may take before it is abandoned. */
  timeoutMs: number;
  /** How often every SLO is read for its burn-rate alerts. */
  evaluateEveryMs: number;
  /** The environment variable holding a bearer token for it, if it wants one. */
  tokenEnv: string | null;
}

export const toSloConfig = (file: SloSections): { prometheus: PrometheusConfig | null; slos: Slo[] } => ({
  prometheus: file.prometheus
    ? {
        url: file.prometheus.url,
        timeoutMs: file.prometheus.timeout ?? defaultTimeoutMs,
        evaluateEveryMs: file.prometheus.evaluate_every ?? defaultEvaluateEveryMs,
        tokenEnv: file.prometheus.token_env ?? null,
      }
    : null,
  slos: file.slos.map((slo) => ({ id: slo.id, service: slo.service, objective: slo.objective, windowMs: slo.window ?? defaultSloWindowMs, good: slo.good, total: slo.total })),
});
