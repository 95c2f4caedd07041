import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/**
 * The outer shape of what Slack POSTs to the request URL, checked before Bolt reads it: Bolt
 * dereferences these fields without checking them, so a signed `payload=null` used to crash the
 * process and other shapes answered 500. Only the fields Bolt and the listeners rely on are required;
 * everything else passes through untouched.
 */
const user = z.looseObject({ id: z.string().min(1) });

const interactionSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('block_actions'), user, actions: z.array(z.looseObject({ action_id: z.string() })).min(1) }),
  z.looseObject({ type: z.literal('block_suggestion'), user, action_id: z.string(), value: z.string() }),
  z.looseObject({ type: z.literal('view_submission'), user, view: z.looseObject({ id: z.string(), callback_id: z.string() }) }),
  z.looseObject({ type: z.literal('view_closed'), user, view: z.looseObject({ id: z.string(), callback_id: z.string() }) }),
  z.looseObject({ type: z.enum(['shortcut', 'message_action']), user, callback_id: z.string(), trigger_id: z.string() }),
]);

const commandSchema = z.looseObject({
  command: z.string().startsWith('/'),
  text: z.string(),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
});

const apiEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  z.looseObject({ type: z.literal('event_callback'), event_id: z.string(), event: z.looseObject({ type: z.string() }) }),
  z.looseObject({ type: z.literal('app_rate_limited') }),
]);

export type EnvelopeCheck = { ok: true } | { ok: false; reason: string };

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');

const check = (schema: z.ZodType, value: unknown): EnvelopeCheck => {
  const result = schema.safeParse(value);
  return result.success ? { ok: true } : { ok: false, reason: describe(result.error) };
};

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; reason: string } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
};

/** Checks a request body the way Bolt will read it: a form (`payload=` JSON or a slash command), else JSON. */
export const checkSlackEnvelope = (rawBody: string, contentType: string | undefined): EnvelopeCheck => {
  // The same test Bolt applies, so both read the body the same way.
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = parseQuery(rawBody);
    if (fields.ssl_check === '1') return { ok: true };
    if (fields.payload !== undefined) {
      if (typeof fields.payload !== 'string') return { ok: false, reason: 'payload given more than once' };
      const parsed = parseJson(fields.payload);
      return parsed.ok ? check(interactionSchema, parsed.value) : { ok: false, reason: `payload ${parsed.reason.replace('body ', '')}` };
    }
    return check(commandSchema, fields);
  }
  const parsed = parseJson(rawBody);
  return parsed.ok ? check(apiEventSchema, parsed.value) : parsed;
};
