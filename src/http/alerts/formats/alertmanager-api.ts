import { z } from 'zod';
import { isPlainAlert, labelSet, parseWith, plainParts, timestamp, toIncoming, type Parsed, type PlainAlert } from './common.js';

/** Alertmanager API v2 `postableAlerts`: what Prometheus sends to every Alertmanager it knows. */
const postableAlerts = z.array(
  z.object({
    labels: labelSet,
    annotations: labelSet.optional(),
    startsAt: timestamp.optional(),
    endsAt: timestamp.optional(),
    generatorURL: z.string({ error: 'must be a URL' }).optional(),
  }),
  { error: 'must be a JSON array of alerts ({labels, annotations, startsAt, endsAt, generatorURL})' },
);

/** The alerts of a plain body (see isPlainAlert); undefined when the schema must read it. */
export const plainApiAlerts = (body: unknown): PlainAlert[] | undefined => (Array.isArray(body) && body.every(isPlainAlert) ? body : undefined);

export const parseAlertmanagerApi = (body: unknown, now: number): Parsed => {
  const plain = plainApiAlerts(body);
  if (plain) return { ok: true, alerts: plain.map((alert) => toIncoming(plainParts(alert), now)) };
  return parseWith(postableAlerts, body, (alerts) => ({
    ok: true,
    alerts: alerts.map((alert) => toIncoming({ ...alert, generatorUrl: alert.generatorURL }, now)),
  }));
};
