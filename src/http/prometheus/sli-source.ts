import { prometheusToken, type SecretEnv } from '../../config/alert-secrets.js';
import type { PrometheusConfig } from '../../config/slo-config-schema.js';
import { SliUnavailable, type SliSource } from '../../app/slo/slo-ports.js';
import { queryOver, type SliReading, type Slo } from '../../domain/slo/error-budget.js';

interface QueryAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: unknown };
}

/** A sample's value: Prometheus writes numbers as strings ("NaN" for 0/0: no events). */
const numberOf = (text: unknown): number => {
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
};

/**
 * `good` and `total` in one query, each of its series marked by a label: Prometheus evaluates both
 * over the same samples. Asked one after the other, a scrape landing between them skews the ratio.
 */
const partLabel = 'incident_bot_slo_part';
const together = (good: string, total: string) =>
  `label_replace(${good}, "${partLabel}", "good", "", "") or label_replace(${total}, "${partLabel}", "total", "", "")`;

type Sample = { metric?: Record<string, string>; value?: unknown[] };

/** The good and total numbers of the answer; an SLO query must come to one number each. */
const readingOf = (answer: QueryAnswer, slo: Slo): SliReading => {
  const { resultType, result } = answer.data ?? {};
  if (resultType !== 'vector' || !Array.isArray(result)) throw new SliUnavailable(`the queries of ${slo.id} give a ${resultType ?? 'strange answer'}, not one number each`);
  const part = (name: 'good' | 'total', query: string): number => {
    const samples = (result as Sample[]).filter((sample) => sample.metric?.[partLabel] === name);
    // No series: nothing was counted (no failed requests, say).
    if (samples.length === 0) return 0;
    if (samples.length > 1) throw new SliUnavailable(`the query \`${query}\` gives ${samples.length} series, not one number: wrap it in sum()`);
    return numberOf(samples[0]!.value?.[1]);
  };
  return { good: part('good', slo.good), total: part('total', slo.total) };
};

const where = (url: string) => new URL(url).host;

/**
 * The query's URL, and the user and password of the configured URL as basic auth (fetch refuses a
 * URL that holds them).
 */
const request = (prometheus: PrometheusConfig, query: string, at: number, token: string | undefined): { url: string; headers: Record<string, string> } => {
  const url = new URL(`${prometheus.url}/api/v1/query`);
  url.search = new URLSearchParams({ query, time: (at / 1000).toFixed(3) }).toString();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  // A token from prometheus.token_env goes before credentials in the URL.
  if (token) headers.authorization = `Bearer ${token}`;
  return { url: url.href, headers };
};

/** One instant query (GET /api/v1/query) at `at`, abandoned after the configured timeout. */
const instantQuery = async (prometheus: PrometheusConfig, query: string, at: number, env: SecretEnv): Promise<QueryAnswer> => {
  const { url, headers } = request(prometheus, query, at, prometheusToken(prometheus.tokenEnv, env));
  let answer: QueryAnswer | undefined;
  let status: number;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(prometheus.timeoutMs) });
    status = response.status;
    answer = (await response.json().catch(() => undefined)) as QueryAnswer | undefined;
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new SliUnavailable(
      timedOut ? `Prometheus at ${where(prometheus.url)} did not answer within ${prometheus.timeoutMs / 1000} s` : `Prometheus at ${where(prometheus.url)} could not be reached`,
    );
  }
  if (answer?.status !== 'success') throw new Refused(query, answer?.error ?? `HTTP ${status}`, answer?.errorType === 'bad_data');
  return answer;
};

class Refused extends SliUnavailable {
  constructor(
    query: string,
    reason: string,
    /** The query itself is wrong (a parse error): not the server, nor its access rules. */
    readonly badQuery: boolean,
  ) {
    super(`Prometheus refused the query \`${query}\`: ${reason}`);
  }
}

/** The one of the two queries Prometheus refuses on its own, so the answer names the one to fix. */
const culprit = async (prometheus: PrometheusConfig, queries: string[], at: number, env: SecretEnv, refused: Refused): Promise<never> => {
  for (const query of queries) await instantQuery(prometheus, query, at, env);
  throw refused;
};

/**
 * SLIs from Prometheus: each SLO's `good` and `total` over the range, in one query. `env` holds the
 * variable prometheus.token_env names, if any.
 */
export const prometheusSliSource = (config: () => PrometheusConfig | null, env: SecretEnv = {}): SliSource => ({
  read: async (slo, rangeMs, at) => {
    const prometheus = config();
    if (!prometheus) throw new SliUnavailable('no Prometheus is configured (prometheus.url)');
    const good = queryOver(slo.good, rangeMs);
    const total = queryOver(slo.total, rangeMs);
    const answer = await instantQuery(prometheus, together(good, total), at, env).catch((error: unknown) => {
      if (error instanceof Refused && error.badQuery) return culprit(prometheus, [good, total], at, env, error);
      throw error;
    });
    return readingOf(answer, { ...slo, good, total });
  },
});
