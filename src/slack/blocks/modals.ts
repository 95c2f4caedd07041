import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { roleLabels, roles, type Role } from '../../domain/incident/roles.js';
import { severities, severityDescriptions, type Severity } from '../../domain/incident/severity.js';
import { allowedTransitions, statusLabels } from '../../domain/incident/status.js';
import { inputIds, viewIds } from '../ids.js';
import { clip, context, escape, option, plain, section } from './text.js';

export const limits = { title: 120, summary: 2000, impact: 1000, services: 300, reason: 500, update: 2500, customerMessage: 1500 } as const;

export interface ModalMetadata {
  incidentId?: string;
  channelId?: string;
  /** The message a shortcut was used on. */
  messageTs?: string;
  messageUserId?: string;
  /** The message's text (clipped), so a message the bot never stored can still be quoted. */
  messageText?: string;
  /** The alert group a declare form was opened from: the incident is linked to it. */
  alertGroupId?: string;
}

const incidentMetadata = (incident: Incident): ModalMetadata => ({
  incidentId: incident.id,
  ...(incident.channelId ? { channelId: incident.channelId } : {}),
});

const modal = (callbackId: string, title: string, submit: string, blocks: KnownBlock[], metadata: ModalMetadata = {}): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  title: plain(title, 24),
  submit: plain(submit, 24),
  close: plain('Cancel', 24),
  private_metadata: JSON.stringify(metadata),
  blocks,
});

const textInput = (
  id: string,
  label: string,
  options: { multiline?: boolean; maxLength: number; initial?: string; placeholder?: string; optional?: boolean; hint?: string },
): KnownBlock => ({
  type: 'input',
  block_id: id,
  optional: options.optional ?? false,
  label: plain(label, 2000),
  ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
  element: {
    type: 'plain_text_input',
    action_id: id,
    multiline: options.multiline ?? false,
    max_length: options.maxLength,
    ...(options.initial ? { initial_value: clip(options.initial, options.maxLength) } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
  },
});

const staticSelect = (id: string, label: string, options: PlainTextOption[], initial?: PlainTextOption): KnownBlock => ({
  type: 'input',
  block_id: id,
  label: plain(label, 2000),
  element: {
    type: 'static_select',
    action_id: id,
    options,
    ...(initial ? { initial_option: initial } : {}),
  },
});

const userSelect = (id: string, label: string, initialUser?: string, hint?: string): KnownBlock => ({
  type: 'input',
  block_id: id,
  optional: hint !== undefined,
  label: plain(label, 2000),
  ...(hint ? { hint: plain(hint, 2000) } : {}),
  element: { type: 'users_select', action_id: id, ...(initialUser ? { initial_user: initialUser } : {}) },
});

export const severityOptions = (): PlainTextOption[] =>
  severities.map((severity) => option(`${severity}: ${severityDescriptions[severity]}`, severity));

const severityOption = (severity: Severity) => severityOptions().find((candidate) => candidate.value === severity);

/** Configured services become a multi-select (at most 100 options); without configuration, free text. */
const servicesInput = (
  services: readonly { id: string; name: string }[],
  { id = inputIds.services, optional = true, selected = [] }: { id?: string; optional?: boolean; selected?: readonly string[] } = {},
): KnownBlock =>
  services.length === 0
    ? textInput(id, 'Affected services', {
        maxLength: limits.services,
        placeholder: 'payments, checkout (comma separated)',
        optional,
      })
    : {
        type: 'input',
        block_id: id,
        optional,
        label: plain('Affected services'),
        element: {
          type: 'multi_static_select',
          action_id: id,
          options: services.slice(0, 100).map((service) => option(service.name, service.id)),
          ...(selected.length > 0
            ? { initial_options: services.slice(0, 100).filter((service) => selected.includes(service.id)).map((service) => option(service.name, service.id)) }
            : {}),
        },
      };

const count = (n: number) => n.toLocaleString('en-US');

/** A title typed after `/incident declare` that does not fit: say so, and keep the text. */
const tooLongHint = (length: number): string =>
  `What you typed has ${count(length)} characters and a title at most ${limits.title}: the start is here, and ` +
  (length <= limits.summary ? 'all of it is in the summary.' : `the first ${count(limits.summary)} characters are in the summary.`);

export const declareModal = (input: {
  title: string;
  reporterId: string;
  channelId?: string;
  services?: readonly { id: string; name: string }[];
  /** Pre-filled from an alert: its severity, service and words. */
  severity?: Severity;
  selectedServices?: readonly string[];
  summary?: string;
  alertGroupId?: string;
}): ModalView => {
  const tooLong = input.title.length > limits.title;
  return modal(
    viewIds.declare,
    'Declare an incident',
    'Declare',
    [
      textInput(inputIds.title, 'Title', {
        maxLength: limits.title,
        initial: input.title,
        placeholder: 'Checkout fails for card payments',
        ...(tooLong ? { hint: tooLongHint(input.title.length) } : {}),
      }),
      staticSelect(inputIds.severity, 'Severity', severityOptions(), severityOptions().find((candidate) => candidate.value === input.severity)),
      textInput(inputIds.summary, 'Summary', {
        multiline: true,
        maxLength: limits.summary,
        ...(input.summary ? { initial: input.summary } : {}),
        placeholder: 'What is happening, as far as you know',
        optional: true,
        ...(tooLong ? { initial: input.title.slice(0, limits.summary) } : {}),
      }),
      textInput(inputIds.impact, 'Customer impact', {
        multiline: true,
        maxLength: limits.impact,
        placeholder: 'Who is affected and how',
        optional: true,
      }),
      servicesInput(input.services ?? [], { selected: input.selectedServices ?? [] }),
      userSelect(inputIds.commander, 'Incident commander', input.reporterId, 'Leave empty if nobody can take command yet; the channel will be nudged.'),
      {
        type: 'input',
        block_id: inputIds.visibility,
        optional: true,
        label: plain('Visibility'),
        element: {
          type: 'checkboxes',
          action_id: inputIds.visibility,
          options: [option('Private (security incident)', 'private', 'Private channel, no public announcement')],
        },
      },
    ],
    { ...(input.channelId ? { channelId: input.channelId } : {}), ...(input.alertGroupId ? { alertGroupId: input.alertGroupId } : {}) },
  );
};

export const statusModal = (incident: Incident): ModalView => {
  const targets = allowedTransitions[incident.status];
  return modal(
    viewIds.status,
    'Update status',
    'Update',
    [
      section(`*${incidentKey(incident)}* is *${statusLabels[incident.status]}*.`),
      staticSelect(
        inputIds.status,
        'New status',
        targets.map((status) => option(statusLabels[status], status)),
      ),
      textInput(inputIds.reason, 'What changed?', { multiline: true, maxLength: limits.reason, optional: true }),
    ],
    incidentMetadata(incident),
  );
};

export const severityModal = (incident: Incident): ModalView =>
  modal(
    viewIds.severity,
    'Change severity',
    'Change',
    [
      section(`*${incidentKey(incident)}* is *${incident.severity}*.`),
      staticSelect(inputIds.severity, 'New severity', severityOptions(), severityOption(incident.severity)),
    ],
    incidentMetadata(incident),
  );

export const roleModal = (incident: Incident, role?: Role): ModalView => {
  const roleOptions = roles.map((candidate) => option(roleLabels[candidate], candidate));
  return modal(
    viewIds.role,
    'Assign role',
    'Assign',
    [
      staticSelect(inputIds.role, 'Role', roleOptions, roleOptions.find((candidate) => candidate.value === role)),
      userSelect(inputIds.user, 'Person'),
    ],
    incidentMetadata(incident),
  );
};

/** Page a configured service (its escalation policy) or a person directly. */
export const pageModal = (incident: Incident, services: readonly { id: string; name: string }[]): ModalView =>
  modal(
    viewIds.page,
    'Page someone',
    'Page',
    [
      section(`Page for *${incidentKey(incident)}*: choose a service (its on-call escalation policy) or a person.`),
      ...(services.length > 0
        ? [
            {
              type: 'input' as const,
              block_id: inputIds.pageService,
              optional: true,
              label: plain('Service'),
              element: {
                type: 'static_select' as const,
                action_id: inputIds.pageService,
                options: services.slice(0, 100).map((service) => option(service.name, service.id)),
              },
            },
          ]
        : []),
      { ...userSelect(inputIds.pageUser, 'Person', undefined, 'Pages this person directly, repeating until they acknowledge.') },
    ],
    incidentMetadata(incident),
  );

export const nextUpdateChoices = [15, 30, 60, 120, 240] as const;

export interface UpdateModalOptions {
  /** Prefilled "next update in", from the severity's cadence. */
  defaultMinutes: number;
  /**
   * The status page template filled in for the current status, shown beside the customer message
   * (which starts empty, so an update is public only when someone says so); null = private incident,
   * no public field.
   */
  customerTemplate: string | null;
}

const minutesLabel = (minutes: number) => (minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`);

/** Post update: one form, every audience. */
export const updateModal = (incident: Incident, options: UpdateModalOptions): ModalView => {
  const statusOptions = [incident.status, ...allowedTransitions[incident.status].filter((status) => status !== 'cancelled')].map((status) =>
    option(statusLabels[status], status),
  );
  const minuteOptions = [...new Set([...nextUpdateChoices, options.defaultMinutes])].sort((a, b) => a - b).map((minutes) => option(minutesLabel(minutes), String(minutes)));
  return modal(
    viewIds.update,
    'Post update',
    'Post',
    [
      section(`Tell everyone in *${incidentKey(incident)}* where things stand. Engineers, stakeholders and executives each get their own version.`),
      staticSelect(inputIds.status, 'Status', statusOptions, statusOptions[0]),
      textInput(inputIds.update, 'What changed', { multiline: true, maxLength: limits.update, placeholder: 'What we learned or did since the last update' }),
      textInput(inputIds.impact, 'Current impact', { multiline: true, maxLength: limits.impact, initial: incident.impact, optional: true }),
      textInput(inputIds.nextSteps, 'Next steps', { multiline: true, maxLength: limits.update, optional: true }),
      staticSelect(inputIds.nextUpdate, 'Next update in', minuteOptions, minuteOptions.find((candidate) => candidate.value === String(options.defaultMinutes))),
      ...(options.customerTemplate === null
        ? [context(':lock: Private incident: nothing is published on the status page.')]
        : [
            textInput(inputIds.customerMessage, 'Customer-facing message (status page)', {
              multiline: true,
              maxLength: limits.customerMessage,
              optional: true,
              hint: 'Published on the public status page. Leave empty (and the template unticked) for an internal-only update. No internal details.',
            }),
            {
              type: 'input' as const,
              block_id: inputIds.useTemplate,
              optional: true,
              label: plain('Or publish the template'),
              element: {
                type: 'checkboxes' as const,
                action_id: inputIds.useTemplate,
                options: [option('Use the status page template for the status above', 'use')],
              },
            },
            context(`Template: ${escape(clip(options.customerTemplate, 2900))}`),
          ]),
    ],
    incidentMetadata(incident),
  );
};

/** `/incident maintenance`: a planned window for the status page and the stakeholders. */
export const maintenanceModal = (input: { services: readonly { id: string; name: string }[]; now: number; channelId?: string }): ModalView => {
  const hour = 3_600_000;
  const start = Math.ceil((input.now + hour) / hour) * hour;
  const picker = (id: string, label: string, at: number): KnownBlock => ({
    type: 'input',
    block_id: id,
    label: plain(label),
    element: { type: 'datetimepicker', action_id: id, initial_date_time: Math.floor(at / 1000) },
  });
  return modal(
    viewIds.maintenance,
    'Schedule maintenance',
    'Schedule',
    [
      textInput(inputIds.maintenanceTitle, 'Title (public)', { maxLength: 120, placeholder: 'Database upgrade' }),
      servicesInput(input.services, { id: inputIds.maintenanceServices, optional: false }),
      picker(inputIds.startsAt, 'Starts', start),
      picker(inputIds.endsAt, 'Ends', start + hour),
      textInput(inputIds.maintenanceMessage, 'Message (public)', {
        multiline: true,
        maxLength: 1500,
        placeholder: 'What happens and what customers may notice',
      }),
    ],
    input.channelId ? { channelId: input.channelId } : {},
  );
};

/** Add follow-up: what, who, by when, and whether it must be done before the incident is closed. */
export const followUpModal = (incident: Incident): ModalView =>
  modal(
    viewIds.followUp,
    'Add follow-up',
    'Add',
    [
      textInput(inputIds.followUpText, 'What needs doing', { multiline: true, maxLength: 500, placeholder: 'Alert on certificate expiry 14 days ahead' }),
      userSelect(inputIds.followUpOwner, 'Owner', undefined, 'Who makes sure it happens. Optional.'),
      { type: 'input', block_id: inputIds.followUpDue, optional: true, label: plain('Due'), element: { type: 'datepicker', action_id: inputIds.followUpDue } },
      {
        type: 'input',
        block_id: inputIds.followUpBlocking,
        optional: true,
        label: plain('Blocking'),
        element: { type: 'checkboxes', action_id: inputIds.followUpBlocking, options: [option('Must be done before the incident is closed', 'blocking')] },
      },
    ],
    incidentMetadata(incident),
  );

/** The "Add to incident timeline" shortcut: an optional comment on why the message matters. */
export const addToTimelineModal = (input: { channelId: string; messageTs: string; messageUserId?: string; preview: string }): ModalView =>
  modal(
    viewIds.addToTimeline,
    'Add to timeline',
    'Add',
    [
      section(`> ${clip(input.preview.replace(/\n/g, ' '), 500)}`),
      textInput(inputIds.comment, 'Comment', { multiline: true, maxLength: 500, optional: true, placeholder: 'Why this moment matters' }),
    ],
    {
      channelId: input.channelId,
      messageTs: input.messageTs,
      messageText: clip(input.preview, 2000),
      ...(input.messageUserId ? { messageUserId: input.messageUserId } : {}),
    },
  );

/** The Silence… form's durations: value is minutes. */
export const silenceDurations = [
  ['1 hour', 60],
  ['2 hours', 120],
  ['4 hours', 240],
  ['8 hours', 480],
  ['1 day', 1440],
  ['3 days', 4320],
  ['1 week', 10080],
] as const;

/** Silence…: matchers pre-filled from the alert, how long, why, and the tick for silences that hold pages. */
export const silenceModal = (input: { matchers: string; subject: string; channelId?: string }): ModalView =>
  modal(
    viewIds.silence,
    'Silence alerts',
    'Silence',
    [
      context(`Silencing alerts like *${escape(clip(input.subject, 200))}*. Matching alerts are recorded, never notified or paged.`),
      textInput(inputIds.silenceMatchers, 'Matchers, one per line', {
        multiline: true,
        maxLength: 3000,
        initial: input.matchers,
        hint: 'name="value", name!="value", name=~"regex", name!~"regex" (regexes match the whole value). Delete the lines that should not narrow it.',
      }),
      staticSelect(
        inputIds.silenceDuration,
        'Duration',
        silenceDurations.map(([label, minutes]) => option(label, String(minutes))),
        option(silenceDurations[1][0], String(silenceDurations[1][1])),
      ),
      textInput(inputIds.silenceReason, 'Reason', { maxLength: 500, placeholder: 'Known issue, fix deploying' }),
      {
        type: 'input',
        block_id: inputIds.silenceHoldsPages,
        optional: true,
        label: plain('Pages'),
        element: { type: 'checkboxes', action_id: inputIds.silenceHoldsPages, options: [option('I know this holds pages (critical alerts of tier-1 services)', 'holds_pages')] },
      },
    ],
    input.channelId ? { channelId: input.channelId } : {},
  );
