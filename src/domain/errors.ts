/**
 * Every refusal a user can meet has a documented code. Listeners turn these into ephemeral messages
 * or inline modal errors; anything that is not a DomainError is a bug and reaches app.error().
 */
export const errorCodes = {
  TRANSITION_NOT_ALLOWED: 'The incident cannot move from its current status to the one asked for.',
  INCIDENT_FINISHED: 'The incident is closed or cancelled; it can no longer change.',
  UNKNOWN_ROLE: 'The role is not one of commander, comms, scribe, ops.',
  UNKNOWN_SEVERITY: 'The severity is not one of SEV1–SEV4.',
  UNKNOWN_STATUS: 'The status is not one of the lifecycle statuses.',
  NOT_AN_INCIDENT_CHANNEL: 'The command only works in an incident channel.',
  INCIDENT_NOT_FOUND: 'No incident matches.',
  INVALID_INPUT: 'The input is not valid.',
  CHANNEL_NAME_UNAVAILABLE: 'No free channel name could be found.',
  SAME_VALUE: 'The incident already has that value.',
  FOLLOW_UPS_OPEN: 'Blocking follow-ups are still open; closing needs confirmation.',
  NOT_PERMITTED: 'The configuration (permissions) does not let this person do that.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string = errorCodes[code],
    /** Which input field the error is about, so a modal can show it inline. */
    readonly field?: string,
    /** The incident a refusal is about, for an answer that offers to act on it (Close anyway). */
    readonly incident?: { id: string; key: string },
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
