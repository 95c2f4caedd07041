import type { FakeSlack } from 'slack-emulator';

export type ModalErrors = Record<string, string>;

/**
 * What the browser needs beyond the workspace: a cheap change signal, and the inline errors of the last
 * modal submission (Slack's client remembers those; the workspace does not).
 *
 * Every change to the workspace goes through the bot's Web API calls, a response_url post, a signed
 * request to the bot, or this sandbox's own actions; their counts only ever grow, so their sum is a
 * version number the browser can poll without the emulator keeping one.
 */
export class ChangeTracker {
  private own = 0;
  private readonly errors = new Map<string, { viewId: string; hash: string; errors: ModalErrors }>();

  constructor(private readonly slack: FakeSlack) {}

  get version(): number {
    return this.slack.calls.length + this.slack.deliveries.length + this.slack.responses.length + this.own;
  }

  /** For changes made straight to the workspace (joining a channel, inline errors). */
  bump(): void {
    this.own += 1;
  }

  setModalErrors(user: string, viewId: string, errors: ModalErrors): void {
    const hash = this.slack.workspace.view(viewId)?.hash ?? '';
    this.errors.set(user, { viewId, hash, errors });
    this.bump();
  }

  clearModalErrors(user: string): void {
    if (this.errors.delete(user)) this.bump();
  }

  /** Errors for the modal as it is now; a view the app has since updated starts clean, as in Slack. */
  modalErrors(user: string, viewId: string): ModalErrors {
    const saved = this.errors.get(user);
    if (!saved || saved.viewId !== viewId || this.slack.workspace.view(viewId)?.hash !== saved.hash) return {};
    return saved.errors;
  }
}
