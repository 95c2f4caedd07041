import { z } from 'zod';
import { fingerprintOf } from '../../../domain/alerts/fingerprint.js';
import { parseWith, timestamp, toIncoming, untilResolved, type Parsed } from './common.js';

/** PagerDuty Events API v2 (`/v2/enqueue`): one event per request. */
export const pagerDutyEvent = z.object(
  {
    routing_key: z.string({ error: 'is required (the integration key)' }).min(1, 'is required (the integration key)'),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve'], { error: 'must be trigger, acknowledge or resolve' }),
    dedup_key: z.string().max(255, 'must be at most 255 characters').optional(),
    payload: z
      .object({
        summary: z.string({ error: 'is required' }).min(1, 'is required').max(1024, 'must be at most 1024 characters'),
        source: z.string({ error: 'is required' }).min(1, 'is required'),
        severity: z.enum(['critical', 'error', 'warning', 'info'], { error: 'must be critical, error, warning or info' }),
        timestamp: timestamp.optional(),
        component: z.string().optional(),
        group: z.string().optional(),
        class: z.string().optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    links: z.array(z.object({ href: z.string(), text: z.string().optional() })).optional(),
    client_url: z.string().optional(),
  },
  { error: 'must be a JSON object (a PagerDuty Events API v2 event)' },
);

/** Only the flat, primitive custom details become labels (a service or db_cluster key, say). */
const detailLabels = (details: unknown): Record<string, string> =>
  typeof details === 'object' && details !== null && !Array.isArray(details)
    ? Object.fromEntries(
        Object.entries(details).flatMap(([name, value]) =>
          /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && ['string', 'number', 'boolean'].includes(typeof value) ? [[name, String(value)]] : [],
        ),
      )
    : {};

/**
 * The service is payload.component, or a `service` key in custom_details; the alert name is
 * payload.class (else the summary). dedup_key is the fingerprint, so a resolve finds its trigger.
 */
export const parsePagerDuty = (body: unknown, now: number, serviceLabel: string): Parsed =>
  parseWith(pagerDutyEvent, body, (event) => {
    if (event.event_action === 'trigger' && !event.payload) return { ok: false, reason: 'payload: is required for trigger events' };
    if (event.event_action !== 'trigger' && !event.dedup_key) return { ok: false, reason: `dedup_key: is required for ${event.event_action} events` };
    const payload = event.payload;
    const details = detailLabels(payload?.custom_details);
    const labels: Record<string, string> = payload
      ? {
          ...details,
          alertname: payload.class ?? payload.summary,
          severity: payload.severity,
          instance: payload.source,
          ...(payload.group ? { group: payload.group } : {}),
          ...((payload.component ?? details.service) ? { [serviceLabel]: payload.component ?? details.service ?? '' } : {}),
        }
      : { alertname: 'PagerDutyEvent', dedup_key: event.dedup_key ?? '' };
    const dedupKey = event.dedup_key ?? fingerprintOf(labels);
    const description = typeof payload?.custom_details === 'string' ? payload.custom_details : undefined;
    const alert = toIncoming(
      {
        fingerprint: `pd:${dedupKey}`,
        labels,
        annotations: { summary: payload?.summary ?? dedupKey, ...(description ? { description } : {}) },
        startsAt: payload?.timestamp ?? now,
        endsAt: event.event_action === 'resolve' ? now : untilResolved,
        generatorUrl: event.links?.[0]?.href ?? event.client_url ?? null,
      },
      now,
    );
    return { ok: true, alerts: [alert], answer: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
  });
