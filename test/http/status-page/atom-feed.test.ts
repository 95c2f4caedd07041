import { describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import { renderAtomFeed } from '../../../src/http/status-page/atom-feed.js';
import { NOW, inputWith, makeIncident, makeUpdate, minute, richInput } from '../../domain/communication/status-fixtures.js';

const feedUrl = 'https://status.acme.test/history.atom';
const snapshot = buildStatusSnapshot(richInput());
const feed = renderAtomFeed(snapshot, feedUrl);
const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1]!);
const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`))?.[1];

describe('renderAtomFeed', () => {
  it.each([
    { what: 'XML declaration', pattern: /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/ },
    { what: 'feed id', pattern: /<id>https:\/\/status.acme.test\/history.atom<\/id>/ },
    { what: 'feed title', pattern: /<title>Acme Status history<\/title>/ },
    { what: 'feed updated', pattern: /<updated>2026-03-10T14:30:00.000\+01:00<\/updated>/ },
    { what: 'self link', pattern: /<link rel="self" type="application\/atom\+xml" href="https:\/\/status.acme.test\/history.atom"\/>/ },
    { what: 'alternate link', pattern: /<link rel="alternate" type="text\/html" href="https:\/\/status.acme.test\/status"\/>/ },
    { what: 'author (required when entries have none)', pattern: /<author><name>Acme Status<\/name><\/author>/ },
  ])('has the $what', ({ pattern }) => {
    expect(feed).toMatch(pattern);
  });

  it('has one entry per public update of incidents and maintenance, newest first', () => {
    const expected =
      snapshot.incidents.reduce((n, incident) => n + incident.updates.length, 0) +
      snapshot.maintenances.reduce((n, maintenance) => n + maintenance.updates.length, 0);
    expect(entries).toHaveLength(expected);
    const times = entries.map((entry) => Date.parse(tag(entry, 'updated')!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(entries.map((entry) => tag(entry, 'id'))).size).toBe(entries.length);
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'content']) expect(tag(entry, name)).toBeTruthy();
      expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="https:\/\/status.acme.test\/status#incident-[\w-]+"\/>/);
    }
  });

  it('titles entries with the public name and the update status', () => {
    expect(tag(entries[0]!, 'title')).toBe('Checkout network maintenance: In progress');
    expect(entries.map((entry) => tag(entry, 'title'))).toContain('Partial outage: Payments API: Identified');
  });

  it('leaves private and internal words out', () => {
    expect(feed).not.toMatch(/PRIVATE|INTERNAL|inc_private/);
  });

  it('escapes text', () => {
    const escaped = renderAtomFeed(
      buildStatusSnapshot(
        inputWith({
          incidents: [makeIncident({ id: 'inc' })],
          updates: [makeUpdate('inc', 'investigating', NOW - minute, '</content><script>x</script> & more')],
        }),
      ),
      feedUrl,
    );
    expect(escaped).toContain('<content type="text">&lt;/content&gt;&lt;script&gt;x&lt;/script&gt; &amp; more</content>');
  });
});
