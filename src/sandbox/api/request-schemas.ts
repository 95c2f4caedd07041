import { z } from 'zod';

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a user id like U0SBALICE1');
const channelId = z.string().regex(/^[CDG][A-Z0-9]{2,}$/, 'expected a conversation id like C0SBINCIDS');
const ts = z.string().regex(/^\d+\.\d{1,6}$/, 'expected a message ts like 1767225600.000100');
const viewId = z.string().regex(/^V[A-Z0-9]{2,}$/, 'expected a view id like V0000000001');
const actionId = z.string().min(1).max(255);
const reaction = z.string().regex(/^[a-z0-9_+'-]{1,100}$/, 'expected an emoji name without colons, e.g. eyes');

const acting = { as: userId };
const onMessage = { ...acting, channel: channelId, ts };

/** A message or a view (modal or Home tab): interactive elements live in either. */
const elementTarget = {
  ...acting,
  actionId,
  blockId: z.string().min(1).max(255).optional(),
  channel: channelId.optional(),
  ts: ts.optional(),
  viewId: viewId.optional(),
};
const oneTarget = (body: { viewId?: string | undefined; channel?: string | undefined; ts?: string | undefined }) =>
  (body.viewId !== undefined) !== (body.channel !== undefined && body.ts !== undefined);
const oneTargetMessage = { message: 'give either viewId (modal or Home tab) or channel and ts (a message), not both' };

/** What the Slack client submits per input: text, an option value, a list of them, or a number of seconds. */
const submittedValue = z.union([z.string().max(20_000), z.number(), z.array(z.string().max(2000)).max(100), z.null()]);

export const actionSchemas = {
  /** the message box: `/incident …` runs the slash command, anything else is posted */
  send: z.strictObject({ ...acting, channel: channelId, text: z.string().trim().min(1, 'type something to send').max(40_000), threadTs: ts.optional() }),
  edit: z.strictObject({ ...onMessage, text: z.string().trim().min(1, 'an edit cannot be empty').max(40_000) }),
  delete: z.strictObject(onMessage),
  react: z.strictObject({ ...onMessage, name: reaction }),
  unreact: z.strictObject({ ...onMessage, name: reaction }),
  pin: z.strictObject(onMessage),
  unpin: z.strictObject(onMessage),
  /** a message shortcut; the manifest has one, "Add to incident timeline" */
  shortcut: z.strictObject({ ...onMessage, callbackId: z.string().min(1).max(255).default('add_to_timeline') }),
  click: z.strictObject({ ...elementTarget, value: z.string().max(2000).optional() }).refine(oneTarget, oneTargetMessage),
  select: z
    .strictObject({ ...elementTarget, value: z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]) })
    .refine(oneTarget, oneTargetMessage),
  submit: z.strictObject({ ...acting, viewId, values: z.record(z.string(), z.record(z.string(), submittedValue)).default({}) }),
  close: z.strictObject({ ...acting, viewId }),
  'open-home': z.strictObject({ ...acting, tab: z.enum(['home', 'messages']).default('home') }),
  join: z.strictObject({ ...acting, channel: channelId }),
} as const;

export type ActionName = keyof typeof actionSchemas;
export type ActionInput<N extends ActionName> = z.infer<(typeof actionSchemas)[N]>;

export const isActionName = (name: string): name is ActionName => Object.hasOwn(actionSchemas, name);

export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
