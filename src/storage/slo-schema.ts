import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Each SLO as its last evaluation read it (app/slo/evaluate-slos.ts), for the incident cards of its
 * service: one row per SLO id, replaced at every evaluation.
 */
export const sloStatus = sqliteTable('slo_status', {
  sloId: text('slo_id').primaryKey(),
  readAt: integer('read_at').notNull(),
  remaining: real('remaining'),
  burnRate: real('burn_rate'),
  burnRangeMs: integer('burn_range_ms').notNull(),
  problem: text('problem'),
  /** When its spent budget was announced to the team; null while it has budget (or once it was announced back). */
  exhaustedSince: integer('exhausted_since'),
});
