import type { DomainError, ErrorCode } from '../../domain/errors.js';
import { confirmCloseMessage } from '../blocks/postmortem.js';
import type { KnownBlock } from '@slack/types';

/** What a person is told: text, and blocks when the answer offers something to click. */
export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Refusals whose answer is more than the message. Every entry point (a command, a button, a form)
 * answers a refusal through here, so the same refusal reads and acts the same wherever it came from.
 */
const special: Partial<Record<ErrorCode, (error: DomainError) => Reply | undefined>> = {
  // Closing with a blocking follow-up open: say which, and offer to close anyway.
  FOLLOW_UPS_OPEN: (error) => (error.incident ? confirmCloseMessage(error.incident, error.message) : undefined),
};

export const refusalReply = (error: DomainError): Reply => special[error.code]?.(error) ?? { text: `:warning: ${error.message}` };
