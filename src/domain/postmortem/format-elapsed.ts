const MINUTE = 60_000;

/**
 * An elapsed time to the minute (truncated), as a postmortem reads it: "0m", "47m", "2h 05m",
 * "1d 3h 10m". Null (a side of the interval is unknown) is "n/a"; a negative interval keeps its sign
 * so an inconsistent milestone shows up instead of being hidden.
 */
export const formatElapsed = (ms: number | null): string => {
  if (ms === null || !Number.isFinite(ms)) return 'n/a';
  if (ms < 0) {
    const positive = formatElapsed(-ms);
    return positive === '0m' ? '0m' : `-${positive}`;
  }
  const minutes = Math.floor(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h ${rest}m`;
  if (hours > 0) return `${hours}h ${rest}m`;
  return `${minutes}m`;
};
