import { eq } from 'drizzle-orm';
import type { PostmortemRepository } from '../app/postmortem/ports.js';
import type { Db } from './database.js';
import { postmortems } from './schema.js';

export const createPostmortemRepository = (db: Db): PostmortemRepository => ({
  save: (draft, newToken) =>
    db
      .insert(postmortems)
      .values({ ...draft, token: newToken() })
      .onConflictDoUpdate({
        target: postmortems.incidentId,
        set: { markdown: draft.markdown, generatedAt: draft.generatedAt, generatedBy: draft.generatedBy },
      })
      .returning()
      .get(),
  find: (incidentId) => db.select().from(postmortems).where(eq(postmortems.incidentId, incidentId)).get(),
  setDelivery: (incidentId, delivery) => {
    db.update(postmortems).set(delivery).where(eq(postmortems.incidentId, incidentId)).run();
  },
});
