import { expect } from 'vitest';
import { inputIds } from '../../src/slack/ids.js';
import { people, type Harness } from './bot-harness.js';
import { eventually } from './eventually.js';
import type { Conversation, Message, View } from 'slack-emulator';

export interface DeclareForm {
  title?: string;
  severity?: string;
  summary?: string;
  impact?: string;
  /** Free text without configured services; the selected service ids with them. */
  services?: string | string[];
  /** '' leaves the commander empty. */
  commander?: string;
  private?: boolean;
}

/** The modal a person is looking at right now. */
export const openModal = (h: Pick<Harness, 'slack'>, user: string): View => {
  const view = h.slack.workspace.topModal(user);
  if (!view) throw new Error(`${user} has no modal open`);
  return view;
};

export const declareValues = (form: DeclareForm) => ({
  [inputIds.title]: { [inputIds.title]: form.title ?? 'Checkout failing' },
  [inputIds.severity]: { [inputIds.severity]: form.severity ?? 'SEV2' },
  ...(form.summary ? { [inputIds.summary]: { [inputIds.summary]: form.summary } } : {}),
  ...(form.impact ? { [inputIds.impact]: { [inputIds.impact]: form.impact } } : {}),
  ...(form.services ? { [inputIds.services]: { [inputIds.services]: form.services } } : {}),
  [inputIds.commander]: { [inputIds.commander]: form.commander === '' ? null : (form.commander ?? people.commander) },
  ...(form.private ? { [inputIds.visibility]: { [inputIds.visibility]: ['private'] } } : {}),
});

/** Types `/incident declare`, fills the modal, submits, and waits for the incident channel. */
export const declareIncident = async (
  h: Harness,
  form: DeclareForm = {},
  user: string = people.reporter,
): Promise<{ channel: Conversation; card: Message }> => {
  const before = h.slack.workspace.conversations.size;
  const command = await h.slack.runSlashCommand({ user, channel: h.general, command: '/incident', text: 'declare' });
  expect(command.status).toBe(200);
  const view = await eventually(() => openModal(h, user));
  const submitted = await h.slack.submitView({ user, viewId: view.id, values: declareValues(form) });
  expect(submitted.status).toBe(200);
  expect(submitted.openView).toBeUndefined();
  const channel = await eventually(() => {
    const created = [...h.slack.workspace.conversations.values()].slice(before).find((c) => c.kind === 'channel');
    expect(created).toBeDefined();
    return created!;
  });
  const card = await eventually(() => {
    const pinned = h.slack.workspace.pinsIn(channel.id)[0];
    expect(pinned).toBeDefined();
    return h.slack.workspace.message(channel.id, pinned!.ts)!;
  });
  // The reporter is told last, once channel, announcement, timers and pages are all set up.
  await eventually(() => expect(h.slack.workspace.ephemerals.some((e) => e.user === user && e.text.includes(`declared: <#${channel.id}>`))).toBe(true));
  return { channel, card };
};

/** Text of a message including its blocks, for assertions on what a person would read. */
export const readable = (message: { text: string; blocks?: unknown[] } | undefined): string =>
  message ? `${message.text}\n${JSON.stringify(message.blocks ?? [])}` : '';

export const botMessages = (h: Harness, channelId: string): Message[] =>
  h.slack.workspace.history(channelId).filter((message) => message.botId === h.slack.workspace.bot.botId);

export const ephemeralsFor = (h: Harness, user: string) => h.slack.workspace.ephemerals.filter((e) => e.user === user);
