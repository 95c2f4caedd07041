import { z } from 'zod';
import { labelSet, parseWith, timestamp, toIncoming, untilResolved, type Parsed } from './common.js';

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

export const parseWebhook = (body: unknown, now: number): Parsed =>
  parseWith(webhookBody, body, (notification) => ({
    ok: true,
    alerts: notification.alerts.map((alert) =>
      toIncoming(
        {
          ...alert,
          generatorUrl: alert.generatorURL,
          // A resolved alert without a usable endsAt ended now; a firing one lasts until its resolve.
          endsAt: alert.status === 'resolved' ? Math.min(alert.endsAt ?? now, now) : untilResolved,
        },
        now,
      ),
    ),
  }));
