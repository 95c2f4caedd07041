import { sql } from 'drizzle-orm';
import { searchMatchMarks, type SearchHit, type SearchRepository } from '../app/incident/ports.js';
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

const { start: matchStart, end: matchEnd } = searchMatchMarks;

/**
 * Ranks with FTS5's bm25 within each index (a title match weighs most), keeps each incident's best
 * match and says where it was found, with a snippet of the words around it. Only what people wrote is
 * indexed (migration 0006): the bot's own wording and the postmortem template never match.
 */
export const createSearchRepository = (db: Db): SearchRepository => ({
  search: (words, { limit, anyWord = false, excludeIncidentId }) => {
    const query = ftsQuery(words, anyWord);
    if (!query) return [];
    const snippet = (table: string, column: number) => sql.raw(`snippet(${table}, ${column}, '${matchStart}', '${matchEnd}', '…', 12)`);
    return db.all<SearchHit>(sql`
      select incidentId, rank, field, snippet from (
        select incidentId, rank, field, snippet, row_number() over (partition by incidentId order by rank) as nth from (
          select i.id as incidentId, bm25(incident_fts, 10.0, 3.0, 3.0) as rank,
                 case when highlight(incident_fts, 0, '${sql.raw(matchStart)}', '') like '%${sql.raw(matchStart)}%' then 'title' else 'summary' end as field,
                 ${snippet('incident_fts', -1)} as snippet
            from incident_fts join incidents i on i.rowid = incident_fts.rowid where incident_fts match ${query}
          union all
          select t.incident_id, bm25(message_fts), 'message', ${snippet('message_fts', 0)}
            from message_fts join timeline_entries t on t.rowid = message_fts.rowid
            where message_fts match ${query} and t.deleted_at is null
          union all
          select u.incident_id, bm25(update_fts, 3.0, 3.0, 1.0, 1.0), 'update', ${snippet('update_fts', -1)}
            from update_fts join incident_updates u on u.rowid = update_fts.rowid where update_fts match ${query}
          union all
          select f.incident_id, bm25(follow_up_fts), 'follow_up', ${snippet('follow_up_fts', 0)}
            from follow_up_fts join follow_ups f on f.rowid = follow_up_fts.rowid where follow_up_fts match ${query}
        )
        where incidentId != ${excludeIncidentId ?? ''}
      )
      where nth = 1 order by rank limit ${limit}`).map((hit) => ({ ...hit, field: hit.field }));
  },
});
