/** Slack ts "1700000000.000100" → milliseconds. */
export const tsToMillis = (ts: string): number => Math.round(Number.parseFloat(ts) * 1000);
