import { describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import { feedEntriesLimit, renderAtomFeed } from '../../../src/http/status-page/atom-feed.js';
import { historyItemsLimit, renderStatusPage } from '../../../src/http/status-page/status-html.js';
import { statuspageDocuments } from '../../../src/http/status-page/statuspage-json.js';
import { NOW, hour, inputWith, makeIncident, makeUpdate, minute } from '../../domain/communication/status-fixtures.js';

/** `count` public incidents, one every 5 hours back from now, each resolved after an hour. */
const manyResolved = (count: number) => {
  const incidents = Array.from({ length: count }, (_, i) =>
    makeIncident({ id: `inc_${i}`, severity: 'SEV3', status: 'resolved', services: ['api'], declaredAt: NOW - (i + 1) * 5 * hour }),
  );
  const updates = incidents.flatMap((incident, i) => [
    makeUpdate(incident.id, 'investigating', incident.declaredAt + minute, `Looking into slowness number ${i}.`),
    makeUpdate(incident.id, 'resolved', incident.declaredAt + hour, `Slowness number ${i} is fixed.`),
  ]);
  return buildStatusSnapshot(inputWith({ incidents, updates }));
};

describe('bounded lists', () => {
  it('the page lists the latest incidents only, stops at the last day it shows and says how many it left out', () => {
    const html = renderStatusPage(manyResolved(historyItemsLimit + 30), NOW);
    const listed = [...html.matchAll(/<article class="past" id="incident-inc_(\d+)"/g)].map((match) => Number(match[1]));
    expect(listed).toEqual(Array.from({ length: historyItemsLimit }, (_, i) => i));
    expect(html).toContain('30 earlier entries of the last 90 days not listed here');
    // 50 incidents 5 hours apart cover 11 days: no day before them is claimed to be quiet.
    const quietDays = [...html.matchAll(/<li class="quiet"><p><span class="day">/g)];
    expect(quietDays).toHaveLength(0);
  });

  it('a page with fewer incidents than the cap lists them all and the quiet days before them', () => {
    const html = renderStatusPage(manyResolved(3), NOW);
    expect([...html.matchAll(/<article class="past"/g)]).toHaveLength(3);
    expect(html).not.toContain('not listed here');
    expect(html).toContain('No incidents reported.');
  });

  it('the feed carries the latest entries only, newest first', () => {
    const feed = renderAtomFeed(manyResolved(40), 'https://status.acme.test/history.atom');
    const bodies = [...feed.matchAll(/<content type="text">([^<]*)<\/content>/g)].map((match) => match[1]);
    expect(bodies).toHaveLength(feedEntriesLimit);
    expect(bodies.slice(0, 3)).toEqual(['Slowness number 0 is fixed.', 'Looking into slowness number 0.', 'Slowness number 1 is fixed.']);
  });

  it('incidents.json stops at 50 like Statuspage', () => {
    expect(statuspageDocuments['incidents.json'](manyResolved(70)).incidents).toHaveLength(50);
  });
});
