import { ErrorCode as WebApiErrorCode } from '@slack/web-api';

/** The `error` string Slack answered with (`name_taken`, `already_in_channel`…), if it was a platform error. */
export const slackErrorCode = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; data?: { error?: unknown } };
  if (candidate.code === WebApiErrorCode.PlatformError && typeof candidate.data?.error === 'string') {
    return candidate.data.error;
  }
  return undefined;
};
