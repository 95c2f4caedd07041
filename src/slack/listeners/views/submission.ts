import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ModalMetadata } from '../../blocks/modals/form-parts.js';
import { parseMetadata, viewSubmissionSchema, type Parsed, type ViewState } from '../../parse/view-state.js';
import type { ListenerContext } from '../context.js';
import { reportingErrors, tellPrivately, type Tell } from '../report-error.js';
import { mrkdwnAsPlain } from '../../blocks/text.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export interface Submission<T> {
  value: T;
  userId: string;
  metadata: ModalMetadata;
  client: WebClient;
  tell: Tell;
}

type ParseView<T> = (values: ViewState, userId: string, metadata: ModalMetadata) => Parsed<T>;

/**
 * A form's parse that also refuses what the configuration (permissions) does not let this person
 * do, next to the field `problem` names: the form stays open with everything typed. The use case
 * refuses it again, for a change to the configuration in between and for every other way in.
 */
export const refusing =
  <T>(parse: ParseView<T>, problem: (value: T, userId: string) => { field: string; message: string } | undefined): ParseView<T> =>
  (values, userId, metadata) => {
    const parsed = parse(values, userId, metadata);
    const refused = parsed.ok ? problem(parsed.value, userId) : undefined;
    // A field's error is shown as typed, not as mrkdwn.
    return refused ? { ok: false, errors: { [refused.field]: mrkdwnAsPlain(refused.message) } } : parsed;
  };

/**
 * The shape every modal submission takes: parse, answer bad input inline (the modal stays open and
 * nothing is lost), otherwise close the modal at once and do the work after. A view submitted twice
 * (a double click, a resend) takes effect once: the view id is claimed before the work starts.
 */
export const submission =
  <T>(
    ctx: ListenerContext,
    parse: ParseView<T>,
    run: (submission: Submission<T>) => Promise<unknown>,
    /**
     * Store before answering: for a use case that only writes locally (a few milliseconds, no Slack
     * call before it resolves), so that a submission Slack has shown as accepted is never lost, even
     * if the process dies the next instant. Declaring an incident is one.
     */
    options: { storeBeforeAck?: boolean } = {},
  ) =>
  async ({ ack, body, view, client }: ViewArgs) => {
    const logger = ctx.logger.child({ module: 'view', callbackId: view.callback_id });
    const checked = viewSubmissionSchema.safeParse(view);
    if (!checked.success) {
      await ack();
      logger.warn({ issues: checked.error.issues }, 'view submission did not have the expected shape');
      await tellPrivately(client, body.user.id)(':x: Sorry, I could not read that form. Please try again.');
      return;
    }
    const userId = body.user.id;
    const metadata = parseMetadata(checked.data.private_metadata);
    const parsed = parse(checked.data.state.values, userId, metadata);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    if (!options.storeBeforeAck) await ack();
    const tell = tellPrivately(client, userId, metadata.channelId);
    if (!ctx.deps.idempotency.claim(`view:${checked.data.id}`, ctx.deps.clock.now())) {
      logger.info({ viewId: checked.data.id }, 'ignored a repeated submission');
    } else if (options.storeBeforeAck) {
      const stored = run({ value: parsed.value, userId, metadata, client, tell });
      stored.catch(() => undefined); // reported below, once Slack has its answer
      await ack();
      await reportingErrors(tell, logger, () => stored);
      return;
    } else {
      await reportingErrors(tell, logger, () => run({ value: parsed.value, userId, metadata, client, tell }));
      return;
    }
    if (options.storeBeforeAck) await ack();
  };
