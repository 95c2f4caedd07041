import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Incident } from '../../../domain/incident/incident.js';
import { severities, severityDescriptions, type Severity } from '../../../domain/incident/severity.js';
import { inputIds } from '../../ids.js';
import { clip, option, plain } from '../text.js';

/** What every form is built from: the modal itself, its inputs, and what it carries in private_metadata. */

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

export const incidentMetadata = (incident: Incident): ModalMetadata => ({
  incidentId: incident.id,
  ...(incident.channelId ? { channelId: incident.channelId } : {}),
});

export const modal = (callbackId: string, title: string, submit: string, blocks: KnownBlock[], metadata: ModalMetadata = {}): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  title: plain(title, 24),
  submit: plain(submit, 24),
  close: plain('Cancel', 24),
  private_metadata: JSON.stringify(metadata),
  blocks,
});

export const textInput = (
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

export const staticSelect = (id: string, label: string, options: PlainTextOption[], initial?: PlainTextOption): KnownBlock => ({
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

export const userSelect = (id: string, label: string, initialUser?: string, hint?: string): KnownBlock => ({
  type: 'input',
  block_id: id,
  optional: hint !== undefined,
  label: plain(label, 2000),
  ...(hint ? { hint: plain(hint, 2000) } : {}),
  element: { type: 'users_select', action_id: id, ...(initialUser ? { initial_user: initialUser } : {}) },
});

export const severityOptions = (): PlainTextOption[] =>
  severities.map((severity) => option(`${severity}: ${severityDescriptions[severity]}`, severity));

export const severityOption = (severity: Severity) => severityOptions().find((candidate) => candidate.value === severity);

/** Configured services become a multi-select (at most 100 options); without configuration, free text. */
export const servicesInput = (
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
