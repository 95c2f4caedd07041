import type { App } from '@slack/bolt';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches every id except the given ones, for Bolt constraints (which take a string or a RegExp). */
export const anyIdExcept = (ids: readonly string[]): RegExp => new RegExp(`^(?!(?:${ids.map(escapeRegExp).join('|')})$)`);

/**
 * Bolt answers a request no listener acknowledged with 404, after its 3-second timeout. Slack sends
 * some the bot has nothing to do for: a click on an element without a listener (a link button, a
 * select inside a form), a `view_closed`, a `block_suggestion`. Those are acknowledged at once.
 * The bot renders no external selects, so a suggestion request gets an empty list of options.
 */
export const acknowledgeUnhandled = (app: App, handledActionIds: readonly string[]): void => {
  app.action(anyIdExcept(handledActionIds), async ({ ack }) => {
    await ack();
  });
  app.options(/.*/, async ({ ack }) => {
    await ack({ options: [] });
  });
  app.view({ type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
};
