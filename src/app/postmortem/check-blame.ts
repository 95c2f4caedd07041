import { findBlame } from '../../domain/postmortem/blame.js';
import { messageKey, type ChannelActivity } from '../incident/record-channel-activity.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';

export type CheckBlameDeps = Pick<UseCaseDeps, 'config' | 'incidents' | 'notifier' | 'timeline'>;

/**
 * The postmortem discussion (an incident channel once resolved) is checked for blame; the writer
 * alone gets a suggestion for system-focused wording. Never public.
 */
export const checkBlame = async (deps: CheckBlameDeps, activity: ChannelActivity): Promise<number> => {
  if (activity.type !== 'message' && activity.type !== 'message_edited') return 0;
  const incident = deps.incidents.findByChannel(activity.channelId);
  if (!incident || (incident.status !== 'resolved' && incident.status !== 'closed')) return 0;
  const findings = findBlame(activity.text, { extraPhrases: deps.config().postmortem.blamePhrases });
  const userId = activity.type === 'message' ? activity.userId : deps.timeline.findBySource(incident.id, messageKey(activity.ts))?.actorId;
  if (findings.length === 0 || !userId) return 0;
  const lines = findings.slice(0, 5).map((finding) => `• “${escapeUserText(finding.phrase)}”: ${finding.suggestion}`);
  await deps.notifier.tellPrivately(
    activity.channelId,
    userId,
    `:scales: Only you can see this. Postmortems work best when they describe systems and conditions rather than people. Consider rewording:\n${lines.join('\n')}`,
  );
  return findings.length;
};
