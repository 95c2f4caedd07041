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

/** Slack's answers that no retry will change: a person or a configuration has to act. */
const permanentCodes = new Set([
  'channel_not_found',
  'missing_scope',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'not_authed',
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'restricted_action',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'cant_update_message',
  'message_not_found',
  'usergroup_not_found',
  'no_permission',
  'ekm_access_denied',
  'team_access_not_granted',
]);

/**
 * How a failed job is treated: a platform refusal in `permanentCodes` is given up at once; a rate limit
 * is retried after Slack's Retry-After; time-outs, resets and 5xx answers are retried with backoff.
 */
export const classifySlackFailure = (error: unknown): { permanent: boolean; retryAfterMs?: number; reason: string } => {
  const code = slackErrorCode(error);
  if (code) return { permanent: permanentCodes.has(code), reason: code };
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; retryAfter?: unknown; message?: unknown };
  if (candidate.code === WebApiErrorCode.RateLimitedError) {
    const seconds = typeof candidate.retryAfter === 'number' ? candidate.retryAfter : 1;
    return { permanent: false, retryAfterMs: seconds * 1000, reason: 'ratelimited' };
  }
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'DomainError') {
    return { permanent: true, reason: String(candidate.message) };
  }
  if (candidate.code === WebApiErrorCode.RequestError) return { permanent: false, reason: 'no answer from Slack (timed out or connection lost)' };
  if (candidate.code === WebApiErrorCode.HTTPError) return { permanent: false, reason: 'Slack answered with an HTTP error' };
  return { permanent: false, reason: error instanceof Error ? error.message : String(error) };
};
