import { z } from 'zod';
import { isPlainAlert, labelSet, parseWith, plainParts, timestamp, toIncoming, untilResolved, type AlertParts, type Parsed, type PlainAlert } from './common.js';

/**
 * The Alertmanager webhook (version 4) and Grafana's webhook contact point, which extends it: a
 * notification for one group with `alerts[]`, each with its status and fingerprint. Other keys
 * (groupKey, truncatedAlerts, orgId, values…) are accepted and not needed.
 */
const webhookBody = z.object(
  {
    status: z.enum(['firing', 'resolved'], { error: 'must be firing or resolved' }).optional(),
    alerts: z.array(
      z.object({
        status: z.enum(['firing', 'resolved'], { error: 'must be firing or resolved' }),
        labels: labelSet,
        annotations: labelSet.optional(),
        startsAt: timestamp.optional(),
        endsAt: timestamp.optional(),
        generatorURL: z.string({ error: 'must be a URL' }).optional(),
        fingerprint: z.string({ error: 'must be text' }).optional(),
      }),
      { error: 'must be a list of alerts' },
    ),
  },
  { error: 'must be a JSON object with alerts[] (webhook notification)' },
);

type WebhookAlert = AlertParts & { status: 'firing' | 'resolved' };

const toAlert = (alert: WebhookAlert, now: number) =>
  toIncoming(
    {
      ...alert,
      // A resolved alert without a usable endsAt ended now; a firing one lasts until its resolve.
      endsAt: alert.status === 'resolved' ? Math.min(alert.endsAt ?? now, now) : untilResolved,
    },
    now,
  );

type PlainWebhookAlert = PlainAlert & { status: 'firing' | 'resolved'; fingerprint?: string };

/** The common shape, checked by hand (see isPlainAlert). */
const isPlainWebhookAlert = (alert: unknown): alert is PlainWebhookAlert =>
  isPlainAlert(alert) &&
  'status' in alert &&
  (alert.status === 'firing' || alert.status === 'resolved') &&
  (!('fingerprint' in alert) || alert.fingerprint === undefined || typeof alert.fingerprint === 'string');

/** The alerts of a plain notification; undefined when the schema must read it. */
export const plainWebhookAlerts = (body: unknown): PlainWebhookAlert[] | undefined => {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('alerts' in body) || !Array.isArray(body.alerts)) return undefined;
  if ('status' in body && body.status !== undefined && body.status !== 'firing' && body.status !== 'resolved') return undefined;
  return body.alerts.every(isPlainWebhookAlert) ? body.alerts : undefined;
};

export const parseWebhook = (body: unknown, now: number): Parsed => {
  const plain = plainWebhookAlerts(body);
  if (plain) return { ok: true, alerts: plain.map((alert) => toAlert({ ...plainParts(alert), status: alert.status, fingerprint: alert.fingerprint }, now)) };
  return parseWith(webhookBody, body, (notification) => ({
    ok: true,
    alerts: notification.alerts.map((alert) => toAlert({ ...alert, generatorUrl: alert.generatorURL }, now)),
  }));
};
