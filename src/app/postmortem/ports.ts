import type { Incident } from '../../domain/incident/incident.js';
import type { FollowUp } from '../../domain/postmortem/types.js';

export interface PostmortemNotice {
  incident: Incident;
  url: string;
  canvasId: string | null;
  fileId: string;
  openFollowUps: number;
}

export interface FollowUpRepository {
  add(input: Omit<FollowUp, 'id' | 'status' | 'doneAt'>): FollowUp;
  findById(id: string): FollowUp | undefined;
  listForIncident(incidentId: string): FollowUp[];
  /** Open follow-ups, optionally only one owner's, oldest due first (no due date last). */
  listOpen(filter?: { ownerId?: string; dueBefore?: number }): FollowUp[];
  markDone(id: string, at: number): FollowUp | undefined;
  countOverdue(now: number): number;
}

export interface StoredPostmortem {
  incidentId: string;
  markdown: string;
  token: string;
  generatedAt: number;
  generatedBy: string;
  fileId: string | null;
  canvasId: string | null;
  /** The job that generated it, when a job did. */
  jobId: string | null;
}

export interface PostmortemRepository {
  /** Stores the draft, keeping the incident's URL token across regenerations; a new draft is not delivered yet. */
  save(draft: Omit<StoredPostmortem, 'token' | 'fileId' | 'canvasId' | 'jobId'> & { jobId?: string | null }, newToken: () => string): StoredPostmortem;
  find(incidentId: string): StoredPostmortem | undefined;
  setDelivery(incidentId: string, delivery: { fileId?: string | null; canvasId?: string | null }): void;
}
