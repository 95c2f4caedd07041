/**
 * The postmortem draft for a long incident: 10,000 channel messages (every 50th pinned or reacted
 * to), role changes and updates, stored through the real repositories in a real SQLite file. Reports
 * the time to assemble the draft from storage, the memory, and how many Slack read calls it needed
 * (the draft is built from the bot's own timeline, so the target is none).
 *
 *   npm run bench:postmortem            # 10000 messages
 *   npm run bench:postmortem -- 50000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { postmortemInput } from '../src/app/postmortem/postmortem-input.js';
import type { Notifier } from '../src/app/outbound.js';
import type { UseCaseDeps } from '../src/app/use-case-deps.js';
import { recordChannelActivity } from '../src/app/incident/record-channel-activity.js';
import { defaultIncidentConfig } from '../src/config/incident-config.js';
import { transition } from '../src/domain/incident/transition.js';
import { renderPostmortem } from '../src/domain/postmortem/render-postmortem.js';
import { buildPermalink } from '../src/slack/notifier.js';
import { openDatabase } from '../src/storage/database.js';
import { createEscalationRepository } from '../src/storage/escalation-repository.js';
import { createFollowUpRepository } from '../src/storage/follow-up-repository.js';
import { createIncidentRepository } from '../src/storage/incident-repository.js';
import { createTimelineRepository } from '../src/storage/timeline-repository.js';
import { createUpdateRepository } from '../src/storage/update-repository.js';

const messageCount = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'incident-bot-bench-'));
const database = openDatabase(join(dir, 'bench.sqlite'));
const start = Date.UTC(2026, 10, 26, 9);
let now = start;
const clock = { now: () => now };

// Every Slack call the draft could make goes through here; reads are counted.
let slackReads = 0;
const notifier = new Proxy({} as Notifier, {
  get: (_target, name) => {
    if (name === 'permalink') return (channel: string, ts: string) => buildPermalink('https://acme.slack.com/', channel, ts);
    return () => {
      slackReads += 1;
      throw new Error(`the draft called Slack: ${String(name)}`);
    };
  },
});
const deps = {
  incidents: createIncidentRepository(database.db, randomUUID),
  timeline: createTimelineRepository(database.db, randomUUID),
  updates: createUpdateRepository(database.db, randomUUID),
  escalations: createEscalationRepository(database.db, randomUUID),
  followUps: createFollowUpRepository(database.db, randomUUID),
  notifier,
  clock,
  config: defaultIncidentConfig,
} as unknown as UseCaseDeps;

let incident = deps.incidents.create(
  { title: 'Checkout failing', severity: 'SEV1', summary: 'Card payments fail', impact: 'EU customers', services: ['payments'], isPrivate: false, reporterId: 'U0R', commanderId: 'U0C' },
  now,
);
incident = deps.incidents.setSlackRefs(incident.id, { channelId: 'C0INC', channelName: 'inc-1', cardTs: '1.1' });
const ts = (at: number, i: number) => `${Math.floor(at / 1000)}.${String(i % 1_000_000).padStart(6, '0')}`;
database.db.transaction(() => {
  for (let i = 0; i < messageCount; i += 1) {
    now += 1_000;
    const messageTs = ts(now, i);
    recordChannelActivity(deps, { type: 'message', channelId: 'C0INC', userId: `U${i % 7}`, ts: messageTs, text: `message ${i} about the payments outage`, at: now });
    if (i % 50 === 0) {
      recordChannelActivity(deps, { type: 'reaction_added', channelId: 'C0INC', userId: 'U0S', messageTs, reaction: ['pushpin', 'bulb', 'scales', 'white_check_mark', 'thinking_face'][i % 5]!, at: now });
    }
    if (i % 2_000 === 1_000) {
      const result = transition(incident, { type: 'assign_role', role: 'scribe', userId: `U${i}`, actorId: 'U0C' }, now);
      if (result.ok) {
        deps.incidents.save(result.incident, result.events);
        incident = result.incident;
      }
    }
  }
});
const resolved = transition(incident, { type: 'set_status', to: 'resolved', actorId: 'U0C' }, now);
if (resolved.ok) deps.incidents.save(resolved.incident, resolved.events);

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const markdown = renderPostmortem(postmortemInput(deps, deps.incidents.findById(incident.id)!));
const elapsed = performance.now() - started;
const memory = process.memoryUsage();

console.log(`node ${process.version}; ${messageCount} messages, ${deps.timeline.list(incident.id).length} timeline entries`);
console.log(`draft assembled from storage in ${elapsed.toFixed(0)} ms; ${markdown.length} characters, ${markdown.split('\n').length} lines`);
console.log(`memory: resident ${(memory.rss / 1048576).toFixed(0)} MiB; heap grew ${((memory.heapUsed - heapBefore) / 1048576).toFixed(1)} MiB while drafting`);
console.log(`Slack read calls: ${slackReads}`);
database.close();
rmSync(dir, { recursive: true, force: true });
