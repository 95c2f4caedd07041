import { z } from 'zod';
import { fingerprintOf } from '../../../domain/alerts/fingerprint.js';
import type { IncomingAlert } from '../../../domain/alerts/alert.js';

/** A webhook's firing alert stays firing until its resolve is sent: no resolve_timeout applies. */
export const untilResolved = 8_640_000_000_000_000;

const labelValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const labelSet = z.record(z.string().min(1), labelValue, { error: 'must be an object of label names to string values' });

/** RFC 3339 date-time in ms; Go's zero time (0001-01-01…), which senders use for "not set", and '' are null; undefined when it is not a date-time. */
const timeOf = (value: string): number | null | undefined => {
  if (value === '' || value.startsWith('0001-01-01')) return null;
  const ms = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(ms) ? ms : undefined;
};

const timeError = 'must be an RFC 3339 date-time such as 2026-11-28T23:43:00Z';

export const timestamp = z.string({ error: timeError }).transform((value, context) => {
  const ms = timeOf(value);
  if (ms === undefined) {
    context.addIssue({ code: 'custom', message: timeError, input: value });
    return z.NEVER;
  }
  return ms;
});

/**
 * The shape nearly every alert comes in: label and annotation values already text, times absent or
 * RFC 3339. Checked by hand exactly as the schemas would pass it, because the schemas' cost per
 * label value was most of what taking a batch cost; anything else (numbers as label values, a
 * mistake) goes through the schemas, which convert it or word the refusal.
 */
export interface PlainAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isTextRecord = (value: unknown): value is Record<string, string> => {
  if (!isObject(value)) return false;
  for (const key in value) if (key === '' || key === '__proto__' || typeof value[key] !== 'string') return false;
  return true;
};

const isTime = (value: unknown) => value === undefined || (typeof value === 'string' && timeOf(value) !== undefined);

export const isPlainAlert = (value: unknown): value is PlainAlert =>
  isObject(value) &&
  isTextRecord(value.labels) &&
  (value.annotations === undefined || isTextRecord(value.annotations)) &&
  isTime(value.startsAt) &&
  isTime(value.endsAt) &&
  (value.generatorURL === undefined || typeof value.generatorURL === 'string');

/** A plain alert's parts, as the schemas would have converted them. */
export const plainParts = (alert: PlainAlert): AlertParts => ({
  labels: alert.labels,
  annotations: alert.annotations,
  startsAt: alert.startsAt === undefined ? undefined : timeOf(alert.startsAt),
  endsAt: alert.endsAt === undefined ? undefined : timeOf(alert.endsAt),
  generatorUrl: alert.generatorURL,
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
