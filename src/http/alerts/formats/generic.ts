import { z } from 'zod';
import { labelSet, parseWith, timestamp, toIncoming, untilResolved, type Parsed } from './common.js';

/**
 * The shape for scripts (README "Alert intake"): one alert, or `{ "alerts": [...] }`.
 * `name` is required; `service` (or labels matching a service's alert_labels) routes it; `id`
 * makes repeats and the resolve find the same alert.
 */
const genericAlert = z.object({
  id: z.string().min(1).max(255).optional(),
  name: z.string({ error: 'is required (the alert name)' }).min(1, 'is required (the alert name)'),
  service: z.string({ error: 'must be a service id from the configuration' }).min(1, 'must not be empty').optional(),
  severity: z.enum(['critical', 'warning', 'info'], { error: 'must be critical, warning or info' }).default('warning'),
  status: z.enum(['firing', 'resolved'], { error: 'must be firing or resolved' }).default('firing'),
  summary: z.string().max(1024, 'must be at most 1024 characters').optional(),
  description: z.string().max(4000, 'must be at most 4000 characters').optional(),
  runbook_url: z.string().optional(),
  url: z.string().optional(),
  labels: labelSet.optional(),
  starts_at: timestamp.optional(),
});

const genericBody = z.union([z.object({ alerts: z.array(genericAlert, { error: 'must be a list of alerts' }) }), genericAlert], {
  error: 'must be one alert { name, service, severity, status, summary } or { "alerts": [...] }',
});

export const parseGeneric = (body: unknown, now: number, serviceLabel: string): Parsed =>
  parseWith(genericBody, body, (value) => {
    const alerts = 'alerts' in value ? value.alerts : [value];
    return {
      ok: true,
      alerts: alerts.map((alert) =>
        toIncoming(
          {
            fingerprint: alert.id ? `generic:${alert.id}` : null,
            labels: { ...alert.labels, alertname: alert.name, ...(alert.service ? { [serviceLabel]: alert.service } : {}), severity: alert.severity },
            annotations: {
              ...(alert.summary ? { summary: alert.summary } : {}),
              ...(alert.description ? { description: alert.description } : {}),
              ...(alert.runbook_url ? { runbook_url: alert.runbook_url } : {}),
            },
            startsAt: alert.starts_at,
            endsAt: alert.status === 'resolved' ? now : untilResolved,
            generatorUrl: alert.url,
          },
          now,
        ),
      ),
    };
  });
