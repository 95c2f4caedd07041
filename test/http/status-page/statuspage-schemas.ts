import { z } from 'zod';

/**
 * Atlassian Statuspage's public API v2 documents, as their real responses look (e.g.
 * discordstatus.com/api/v2, status.atlassian.com/api): strict objects, so a missing or extra key
 * or an enum value Statuspage does not use fails the test.
 */
const timestamp = z.iso.datetime({ offset: true });

export const pageSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  url: z.url(),
  time_zone: z.string().min(1),
  updated_at: timestamp,
});

export const statusSchema = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical']),
  description: z.string().min(1),
});

export const componentStatusSchema = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);

export const componentSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  status: componentStatusSchema,
  created_at: timestamp,
  updated_at: timestamp,
  position: z.number().int().positive(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string().min(1),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
});

const affectedComponentSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  old_status: componentStatusSchema,
  new_status: componentStatusSchema,
});

const updateSchema = <S extends z.ZodType>(status: S) =>
  z.strictObject({
    id: z.string().min(1),
    status,
    body: z.string(),
    incident_id: z.string().min(1),
    created_at: timestamp,
    updated_at: timestamp,
    display_at: timestamp,
    affected_components: z.array(affectedComponentSchema).nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.string().nullable(),
    tweet_id: z.string().nullable(),
  });

const incidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
const maintenanceStatus = z.enum(['scheduled', 'in_progress', 'verifying', 'completed']);

const incidentFields = {
  id: z.string().min(1),
  name: z.string().min(1),
  created_at: timestamp,
  updated_at: timestamp,
  monitoring_at: timestamp.nullable(),
  resolved_at: timestamp.nullable(),
  shortlink: z.url(),
  started_at: timestamp,
  page_id: z.string().min(1),
  components: z.array(componentSchema),
};

export const incidentSchema = z.strictObject({
  ...incidentFields,
  status: incidentStatus,
  impact: z.enum(['none', 'minor', 'major', 'critical']),
  incident_updates: z.array(updateSchema(incidentStatus)),
});

export const scheduledMaintenanceSchema = z.strictObject({
  ...incidentFields,
  status: maintenanceStatus,
  impact: z.literal('maintenance'),
  incident_updates: z.array(updateSchema(maintenanceStatus)),
  scheduled_for: timestamp,
  scheduled_until: timestamp,
});

export const documentSchemas = {
  'summary.json': z.strictObject({
    page: pageSchema,
    components: z.array(componentSchema),
    incidents: z.array(incidentSchema),
    scheduled_maintenances: z.array(scheduledMaintenanceSchema),
    status: statusSchema,
  }),
  'status.json': z.strictObject({ page: pageSchema, status: statusSchema }),
  'components.json': z.strictObject({ page: pageSchema, components: z.array(componentSchema) }),
  'incidents.json': z.strictObject({ page: pageSchema, incidents: z.array(incidentSchema).max(50) }),
  'incidents/unresolved.json': z.strictObject({ page: pageSchema, incidents: z.array(incidentSchema) }),
  'scheduled-maintenances.json': z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(scheduledMaintenanceSchema).max(50) }),
  'scheduled-maintenances/upcoming.json': z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(scheduledMaintenanceSchema) }),
  'scheduled-maintenances/active.json': z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(scheduledMaintenanceSchema) }),
} as const;
