import { z } from 'zod';
import { labelSet, parseWith, timestamp, toIncoming, type Parsed } from './common.js';

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

export const parseAlertmanagerApi = (body: unknown, now: number): Parsed =>
  parseWith(postableAlerts, body, (alerts) => ({
    ok: true,
    alerts: alerts.map((alert) => toIncoming({ ...alert, generatorUrl: alert.generatorURL }, now)),
  }));
