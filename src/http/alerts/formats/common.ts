import { z } from 'zod';
import { fingerprintOf } from '../../../domain/alerts/fingerprint.js';
import type { IncomingAlert } from '../../../domain/alerts/alert.js';

/** A webhook's firing alert stays firing until its resolve is sent: no resolve_timeout applies. */
export const untilResolved = 8_640_000_000_000_000;

const labelValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const labelSet = z.record(z.string().min(1), labelValue, { error: 'must be an object of label names to string values' });

/** RFC 3339 date-time; Go's zero time (0001-01-01…), which senders use for "not set", is null. */
export const timestamp = z
  .string({ error: 'must be an RFC 3339 date-time such as 2026-11-28T23:43:00Z' })
  .transform((value, context) => {
    if (value === '' || value.startsWith('0001-01-01')) return null;
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
      context.addIssue({ code: 'custom', message: 'must be an RFC 3339 date-time such as 2026-11-28T23:43:00Z', input: value });
      return z.NEVER;
    }
    return ms;
  });

export interface AlertParts {
  fingerprint?: string | null | undefined;
  labels: Record<string, string>;
  annotations?: Record<string, string> | undefined;
  startsAt?: number | null | undefined;
  endsAt?: number | null | undefined;
  generatorUrl?: string | null | undefined;
}

export const toIncoming = (parts: AlertParts, now: number): IncomingAlert => ({
  fingerprint: parts.fingerprint || fingerprintOf(parts.labels),
  labels: parts.labels,
  annotations: parts.annotations ?? {},
  startsAt: parts.startsAt ?? now,
  endsAt: parts.endsAt ?? null,
  generatorUrl: parts.generatorUrl || null,
});

/** What a format makes of a request body: alerts, or the reason it is not one. */
export type Parsed = { ok: true; alerts: IncomingAlert[]; answer?: Record<string, unknown> } | { ok: false; reason: string };

/** The first few problems, each with where it is (`[3].labels`). */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
      return `${path || 'body'}: ${issue.message.replace(/^Invalid input: /, '')}`;
    })
    .join('; ');

export const parseWith = <Schema extends z.ZodType>(schema: Schema, body: unknown, convert: (value: z.output<Schema>) => Parsed): Parsed => {
  const parsed = schema.safeParse(body);
  return parsed.success ? convert(parsed.data) : { ok: false, reason: describeIssues(parsed.error) };
};
