import { randomBytes } from 'node:crypto';
import { deriveMilestones } from '../../domain/postmortem/derive-milestones.js';
import { incidentBudgetSpends } from '../slo/slo-report.js';
import { findBlame } from '../../domain/postmortem/blame.js';
import { peopleIn } from '../../domain/postmortem/people.js';
import { renderPostmortem } from '../../domain/postmortem/render-postmortem.js';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { incidentById } from '../incident/find-incident.js';
import { postmortemInput, postmortemUrl } from './postmortem-input.js';
import type { StoredPostmortem } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import type { Job } from '../ports.js';
import { sentOnce } from '../outbound.js';

const newToken = () => randomBytes(18).toString('base64url');

export type GeneratePostmortemDeps = Pick<
  UseCaseDeps,
  'clock' | 'config' | 'escalations' | 'followUps' | 'incidents' | 'log' | 'notifier' | 'people' | 'postmortems' | 'publicUrl' | 'slis' | 'timeline' | 'updates'
>;

/**
 * `/incident postmortem`: the draft is assembled and delivered by a durable job, as on resolve, so a
 * Slack failure on the way is retried instead of losing the request. The asker is the job's actor:
 * they hear privately if it is delayed (the draft on resolve tells nobody, as nobody asked). A request
 * while one is still waiting replaces it: one draft comes of both.
 */
export const requestPostmortem = (deps: Pick<UseCaseDeps, 'atomically' | 'clock' | 'jobs'>, input: { incidentId: string; actorId: string }): void =>
  deps.atomically(() => enqueue(deps, { ...effect.draftPostmortem(input.incidentId, input.actorId), actorId: input.actorId }));

/**
 * Assembles the blameless draft from the stored timeline, keeps it (served over HTTP at an
 * unguessable URL), uploads it to the channel as Markdown, and adds a canvas when the workspace
 * allows canvases. Wording that reads as blame is pointed out privately to whoever asked for it.
 * Run by a job (`job`), a retry delivers the draft that job already made, and only what it had not
 * delivered yet: the file is not uploaded twice, the notice not posted twice.
 */
export const generatePostmortem = async (deps: GeneratePostmortemDeps, input: { incidentId: string; actorId: string; job?: Pick<Job, 'id' | 'attempts'> }): Promise<StoredPostmortem> => {
  const incident = incidentById(deps.incidents, input.incidentId);
  const stored = ownDraft(deps, incident.id, input.job) ?? (await newDraft(deps, incident, input));
  if (!incident.channelId) return stored;

  const title = `Postmortem draft: ${incidentKey(incident)} ${incident.title}`;
  const fileId =
    stored.fileId ??
    (await deps.notifier.uploadFile(incident.channelId, {
      filename: `${incidentKey(incident).toLowerCase()}-postmortem.md`,
      title,
      content: stored.markdown,
      comment: `:memo: Postmortem draft for ${incidentKey(incident)}, assembled from this channel's timeline.`,
    }));
  deps.postmortems.setDelivery(incident.id, { fileId });
  const canvasId = stored.canvasId ?? (await deps.notifier.createCanvas(incident.channelId, title, stored.markdown));
  deps.postmortems.setDelivery(incident.id, { canvasId });
  const openFollowUps = deps.followUps.listForIncident(incident.id).filter((followUp) => followUp.status === 'open').length;
  await deps.notifier.post(
    incident.channelId,
    { kind: 'postmortem_notice', notice: { incident, url: postmortemUrl(deps, incident.id, stored.token), canvasId, fileId, openFollowUps } },
    input.job && sentOnce(input.job),
  );

  const blame = findBlame(stored.markdown, { extraPhrases: deps.config().postmortem.blamePhrases });
  if (blame.length > 0) {
    const lines = blame.slice(0, 8).map((finding) => `• “${escapeUserText(finding.phrase)}”: ${finding.suggestion}`);
    await deps.notifier.tellPrivately(
      incident.channelId,
      input.actorId,
      `:scales: The draft has wording that can read as blame. Consider:\n${lines.join('\n')}`,
    );
  }
  return { ...stored, fileId, canvasId };
};

/** The draft this job made on an earlier try, when this is a retry of it. */
const ownDraft = (deps: GeneratePostmortemDeps, incidentId: string, job: Pick<Job, 'id' | 'attempts'> | undefined): StoredPostmortem | undefined => {
  if (!job || job.attempts <= 1) return undefined;
  const stored = deps.postmortems.find(incidentId);
  return stored?.jobId === job.id ? stored : undefined;
};

const newDraft = async (deps: GeneratePostmortemDeps, incident: Incident, input: { actorId: string; job?: Pick<Job, 'id'> }): Promise<StoredPostmortem> => {
  const base = postmortemInput(deps, incident);
  const milestones = deriveMilestones(base);
  // Read from Prometheus as the draft is made; an SLO that cannot be read says why in the draft.
  const draftInput = { ...base, errorBudgets: await incidentBudgetSpends(deps, incident.services, milestones.started, milestones.resolved ?? base.generatedAt) };
  // A file or canvas cannot render Slack's <@U…> markup: the draft names people by their display name.
  const markdown = renderPostmortem(draftInput, { names: await deps.people.names(peopleIn(draftInput)) });
  const stored = deps.postmortems.save({ incidentId: incident.id, markdown, generatedAt: deps.clock.now(), generatedBy: input.actorId, jobId: input.job?.id ?? null }, newToken);
  deps.log.info({ incidentId: incident.id, bytes: markdown.length }, 'postmortem draft generated');
  return stored;
};
