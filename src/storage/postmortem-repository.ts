import { eq } from 'drizzle-orm';
import type { PostmortemRepository } from '../app/postmortem/ports.js';
import type { Db } from './database.js';
import { postmortems } from './schema.js';

export const createPostmortemRepository = (db: Db): PostmortemRepository => ({
  save: (draft, newToken) =>
    db
      .insert(postmortems)
      .values({ ...draft, jobId: draft.jobId ?? null, token: newToken() })
      .onConflictDoUpdate({
        target: postmortems.incidentId,
        // A new draft is not delivered yet.
        set: { markdown: draft.markdown, generatedAt: draft.generatedAt, generatedBy: draft.generatedBy, jobId: draft.jobId ?? null, fileId: null, canvasId: null },
      })
      .returning()
      .get(),
  find: (incidentId) => db.select().from(postmortems).where(eq(postmortems.incidentId, incidentId)).get(),
  setDelivery: (incidentId, delivery) => {
    db.update(postmortems).set(delivery).where(eq(postmortems.incidentId, incidentId)).run();
  },
});
