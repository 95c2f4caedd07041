import type { PublicUpdate, StatusPageSnapshot } from '../../domain/communication/types.js';
import { escapeMarkup as x } from './escape.js';
import { updateStatusLabels } from './labels.js';
import { incidentLink, isoTime } from './statuspage-json.js';

interface FeedEntry {
  itemId: string;
  itemName: string;
  update: PublicUpdate;
}

/** Feed readers poll for what is new; like Statuspage's feed, only the latest entries are kept. */
export const feedEntriesLimit = 50;

/**
 * An Atom 1.0 feed (RFC 4287) of the latest `feedEntriesLimit` public updates of the incidents and
 * maintenance on the page, newest first. `feedUrl` is the feed's own absolute URL; it is also the
 * feed's id.
 */
export const renderAtomFeed = (snapshot: StatusPageSnapshot, feedUrl: string): string => {
  const zone = snapshot.page.timeZone;
  const entries: FeedEntry[] = [
    ...snapshot.incidents.flatMap((incident) => incident.updates.map((update) => ({ itemId: incident.id, itemName: incident.name, update }))),
    ...snapshot.maintenances.flatMap((maintenance) =>
      maintenance.updates.map((update) => ({ itemId: maintenance.id, itemName: maintenance.name, update })),
    ),
  ]
    .sort((a, b) => b.update.createdAt - a.update.createdAt || a.update.id.localeCompare(b.update.id))
    .slice(0, feedEntriesLimit);
  // Newest first, so the first entry is the latest update.
  const updated = Math.max(snapshot.page.updatedAt, entries[0]?.update.createdAt ?? snapshot.page.updatedAt);

  const entryXml = ({ itemId, itemName, update }: FeedEntry) => {
    const link = incidentLink(snapshot, itemId);
    return `  <entry>
    <id>${x(`${link}/updates/${encodeURIComponent(update.id)}`)}</id>
    <title>${x(`${itemName}: ${updateStatusLabels[update.status]}`)}</title>
    <updated>${isoTime(update.createdAt, zone)}</updated>
    <link rel="alternate" type="text/html" href="${x(link)}"/>
    <content type="text">${x(update.body)}</content>
  </entry>
`;
  };

  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${x(feedUrl)}</id>
  <title>${x(`${snapshot.page.name} history`)}</title>
  <updated>${isoTime(updated, zone)}</updated>
  <link rel="self" type="application/atom+xml" href="${x(feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(snapshot.page.url)}"/>
  <author><name>${x(snapshot.page.name)}</name></author>
${entries.map(entryXml).join('')}</feed>
`;
};
