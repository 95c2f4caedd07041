/** Deterministic Slack-looking ids and strictly increasing message timestamps. */

export type Now = () => number;

/** `prefix` + 10 upper-case base-36 chars, e.g. `C000000000A`: the shape of a Slack id, unique per prefix. */
export function createIdGenerator(): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return prefix + next.toString(36).toUpperCase().padStart(10, '0');
  };
}

/**
 * Slack message timestamps: `"<seconds>.<6 digits>"`, unique per channel and increasing. We keep them
 * unique across the workspace and at least one microsecond apart, even when the clock stands still.
 */
export function createTsGenerator(now: Now): () => string {
  let lastMicros = 0;
  return () => {
    lastMicros = Math.max(lastMicros + 1, Math.floor(now()) * 1000);
    return formatTs(lastMicros);
  };
}

export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
