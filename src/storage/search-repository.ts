import { sql } from 'drizzle-orm';
import type { SearchRepository } from '../app/ports.js';
import type { Db } from './database.js';

/** Turns free words into a safe FTS5 query: each word quoted (no operators get through) and prefix-matched. */
export const ftsQuery = (words: string[], anyWord = false): string | undefined => {
  const terms = words
    .flatMap((word) => word.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [])
    .filter((term) => term.length > 1)
    .slice(0, 12)
    .map((term) => `"${term}"*`);
  return terms.length > 0 ? terms.join(anyWord ? ' OR ' : ' ') : undefined;
};

export const createSearchRepository = (db: Db): SearchRepository => ({
  search: (words, { limit, anyWord = false, excludeIncidentId }) => {
    const query = ftsQuery(words, anyWord);
    if (!query) return [];
    const rows = db.all<{ incidentId: string; rank: number }>(sql`
      select incident_id as incidentId, min(rank) as rank from (
        select i.id as incident_id, bm25(incident_fts, 10.0, 3.0, 3.0) as rank
          from incident_fts join incidents i on i.rowid = incident_fts.rowid where incident_fts match ${query}
        union all
        select t.incident_id, bm25(timeline_fts)
          from timeline_fts join timeline_entries t on t.rowid = timeline_fts.rowid where timeline_fts match ${query}
        union all
        select p.incident_id, bm25(postmortem_fts)
          from postmortem_fts join postmortems p on p.rowid = postmortem_fts.rowid where postmortem_fts match ${query}
      )
      where incident_id != ${excludeIncidentId ?? ''}
      group by incident_id order by rank limit ${limit}`);
    return rows;
  },
});
