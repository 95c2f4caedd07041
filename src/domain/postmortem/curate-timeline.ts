import { roleLabels, type Role } from '../incident/roles.js';
import { statusLabels, type Status } from '../incident/status.js';
import type { TimelineEntry, TimelineKind } from '../timeline/event.js';
import { effectiveMilestoneEntries, milestoneTime } from './derive-milestones.js';
import { formatElapsed } from './format-elapsed.js';
import { formatPerson, plainSlackText, type PersonFormat } from './people.js';
import { timelineSections, type CurationSettings, type PostmortemInput, type TimelineSection } from './types.js';

/** One line of the postmortem timeline; `text` is plain (people resolved), not yet Markdown-escaped. */
export interface CuratedEntry {
  /** The timeline entry the line comes from. */
  id: string;
  at: number;
  kind: TimelineKind;
  text: string;
  actorId: string;
  permalink: string | null;
  /** From typed reactions, in the order of `timelineSections`. */
  sections: TimelineSection[];
  /** Pinned, marked with a key reaction, or a milestone. */
  key: boolean;
  /** The message was edited; `text` is the edited text. */
  edited: boolean;
  /** Comments left when the message was added with the "Add to incident timeline" shortcut. */
  comments: CuratedComment[];
}

export interface CuratedComment {
  actorId: string;
  text: string;
}

export interface CurateOptions {
  /** A names map (`@name`), or how to write a person (Slack messages: `<@U…>`). */
  names?: PersonFormat;
}

/** Bot events that are always timeline lines, however they were reacted to. */
const botKinds: ReadonlySet<TimelineKind> = new Set<TimelineKind>([
  'declared',
  'status_changed',
  'reopened',
  'severity_changed',
  'role_assigned',
  'paged',
  'page_acknowledged',
  'escalation_exhausted',
  'update_posted',
  'note',
  'alert',
]);

/** Slack reports skin tones as `thumbsup::skin-tone-2`; curation settings name the base reaction. */
const baseReaction = (name: string): string => name.replace(/::skin-tone-\d+$/, '');

interface Marks {
  pinned: boolean;
  /** reaction name → users whose reaction is on the message */
  reactions: Map<string, Set<string>>;
  curated: TimelineEntry[];
}

/**
 * Pins, reactions and curations indexed by the ts of the message they mark, replayed in time order:
 * a removal (the marking entry's `deletedAt`, or a `*_removed` entry) undoes the matching addition.
 */
const indexMarks = (ordered: readonly TimelineEntry[]): Map<string, Marks> => {
  const marks = new Map<string, Marks>();
  const at = (ts: string): Marks => {
    let found = marks.get(ts);
    if (!found) {
      found = { pinned: false, reactions: new Map(), curated: [] };
      marks.set(ts, found);
    }
    return found;
  };
  for (const entry of ordered) {
    const ts = entry.slackTs;
    if (ts === null) continue;
    switch (entry.kind) {
      case 'pin_added':
      case 'pin_removed':
        at(ts).pinned = entry.kind === 'pin_added' && entry.deletedAt === null;
        break;
      case 'reaction_added':
      case 'reaction_removed': {
        const reaction = entry.data.reaction;
        if (typeof reaction !== 'string') break;
        const users = at(ts).reactions;
        const name = baseReaction(reaction);
        const who = users.get(name) ?? new Set<string>();
        if (entry.kind === 'reaction_added' && entry.deletedAt === null) who.add(entry.actorId);
        else who.delete(entry.actorId);
        users.set(name, who);
        break;
      }
      case 'curated':
        if (entry.deletedAt === null) at(ts).curated.push(entry);
        break;
      default:
        break;
    }
  }
  return marks;
};

interface Classification {
  key: boolean;
  sections: TimelineSection[];
  curated: boolean;
}

const classify = (marks: Marks | undefined, curation: CurationSettings): Classification => {
  if (!marks) return { key: false, sections: [], curated: false };
  let key = marks.pinned;
  const found = new Set<TimelineSection>();
  for (const [reaction, users] of marks.reactions) {
    if (users.size === 0) continue;
    if (curation.keyReactions.some((name) => baseReaction(name) === reaction)) key = true;
    const section = Object.hasOwn(curation.typedReactions, reaction) ? curation.typedReactions[reaction] : undefined;
    if (section) found.add(section);
  }
  return { key, sections: timelineSections.filter((s) => found.has(s)), curated: marks.curated.length > 0 };
};

const commentsOf = (marks: Marks | undefined, names: PersonFormat): CuratedComment[] => {
  const comments: CuratedComment[] = [];
  const seen = new Set<string>();
  for (const entry of marks?.curated ?? []) {
    const raw = entry.data.comment;
    const text = typeof raw === 'string' ? plainSlackText(raw, names).trim() : '';
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    comments.push({ actorId: entry.actorId, text });
  }
  return comments;
};

const statusLabel = (value: unknown): string =>
  typeof value !== 'string' ? 'unknown' : Object.hasOwn(statusLabels, value) ? statusLabels[value as Status] : value;

const roleLabel = (value: unknown): string =>
  typeof value !== 'string' ? 'a role' : Object.hasOwn(roleLabels, value) ? roleLabels[value as Role] : value;

const withDetail = (sentence: string, detail: string): string => (detail === '' ? sentence : `${sentence}: ${detail}`);

/** The one plain sentence a bot event becomes. */
const describeBotEvent = (entry: TimelineEntry, names: PersonFormat): string => {
  const who = formatPerson(entry.actorId, names);
  const text = plainSlackText(entry.text, names).trim();
  const data = entry.data;
  switch (entry.kind) {
    case 'declared': {
      const severity = typeof data.severity === 'string' ? ` as ${data.severity}` : '';
      return withDetail(`Incident declared${severity} by ${who}`, text);
    }
    case 'status_changed':
      return withDetail(`Status changed from ${statusLabel(data.from)} to ${statusLabel(data.to)} by ${who}`, text);
    case 'reopened':
      return withDetail(`Incident reopened by ${who}`, text);
    case 'severity_changed':
      return `Severity changed from ${String(data.from)} to ${String(data.to)} by ${who}`;
    case 'role_assigned': {
      const holder = typeof data.userId === 'string' ? formatPerson(data.userId, names) : 'someone';
      const previous = typeof data.previousUserId === 'string' ? ` (previously ${formatPerson(data.previousUserId, names)})` : '';
      return `${roleLabel(data.role)} assigned to ${holder}${previous} by ${who}`;
    }
    case 'paged': {
      const users = Array.isArray(data.users) ? data.users.filter((u): u is string => typeof u === 'string') : [];
      const recipients = users.length > 0 ? users.map((u) => formatPerson(u, names)).join(', ') : 'nobody on call';
      return `${text || 'Paged'} (${recipients})`;
    }
    case 'page_acknowledged': {
      const after = typeof data.timeToAcknowledgeMs === 'number' ? ` after ${formatElapsed(data.timeToAcknowledgeMs)}` : '';
      return `Page acknowledged by ${who}${after}`;
    }
    case 'escalation_exhausted': {
      const passes = typeof data.passes === 'number' ? ` after ${data.passes} pass${data.passes === 1 ? '' : 'es'} through the escalation policy` : '';
      return `${text || 'Nobody acknowledged the page'}${passes}`;
    }
    case 'update_posted':
      return withDetail(`Update posted by ${who}`, text);
    case 'note':
      return withDetail(`Note by ${who}`, text);
    case 'alert':
      // Monitoring's words, not a person's: the bot only relayed them.
      return text;
    default:
      return withDetail(`${entry.kind} by ${who}`, text);
  }
};

const milestoneSentence = (entry: TimelineEntry, names: PersonFormat): string => {
  const name = String(entry.data.milestone);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} (milestone set by ${formatPerson(entry.actorId, names)})`;
};

/**
 * The postmortem timeline, oldest first (equal times keep the input order): every bot event, the
 * effective milestones at the time they mark, and the human messages someone marked (pinned, a key
 * or typed reaction, or the "Add to incident timeline" shortcut). Deleted messages never appear.
 * Linear in the number of entries plus a sort: marks are indexed by message ts, not searched.
 */
export const curateTimeline = (input: PostmortemInput, options: CurateOptions = {}): CuratedEntry[] => {
  const names = options.names ?? {};
  const ordered = input.timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index);
  const marks = indexMarks(ordered.map(({ entry }) => entry));
  const milestones = new Set(effectiveMilestoneEntries(input.timeline).values());
  const messageTs = new Set<string>();

  const lines: { line: CuratedEntry; index: number }[] = [];
  const base = (entry: TimelineEntry) => ({ id: entry.id, kind: entry.kind, actorId: entry.actorId, permalink: entry.permalink });

  for (const { entry, index } of ordered) {
    if (entry.kind === 'message' && entry.slackTs !== null) messageTs.add(entry.slackTs);
    if (entry.deletedAt !== null) continue;
    const entryMarks = entry.slackTs === null ? undefined : marks.get(entry.slackTs);
    const add = (line: Omit<CuratedEntry, keyof ReturnType<typeof base>>) => lines.push({ line: { ...base(entry), ...line }, index });
    if (botKinds.has(entry.kind)) {
      const { key, sections } = classify(entryMarks, input.curation);
      add({ at: entry.at, text: describeBotEvent(entry, names), sections, key, edited: false, comments: commentsOf(entryMarks, names) });
    } else if (entry.kind === 'milestone' && milestones.has(entry)) {
      add({ at: milestoneTime(entry), text: milestoneSentence(entry, names), sections: [], key: true, edited: false, comments: [] });
    } else if (entry.kind === 'message') {
      const { key, sections, curated } = classify(entryMarks, input.curation);
      if (!key && sections.length === 0 && !curated) continue;
      const text = plainSlackText(entry.text, names).trim() || '(no text)';
      add({
        at: entry.at,
        text: `${formatPerson(entry.actorId, names)}: ${text}`,
        sections,
        key,
        edited: entry.editedAt !== null,
        comments: commentsOf(entryMarks, names),
      });
    }
  }

  // A message curated with the shortcut but never recorded (posted before the bot joined, say) still
  // counts; one recorded and then deleted does not, and neither does the copy of its text.
  for (const { entry, index } of ordered) {
    if (entry.kind !== 'curated' || entry.deletedAt !== null || entry.slackTs === null || messageTs.has(entry.slackTs)) continue;
    const text = plainSlackText(entry.text, names).trim();
    if (text === '') continue;
    messageTs.add(entry.slackTs);
    const entryMarks = marks.get(entry.slackTs);
    const { key, sections } = classify(entryMarks, input.curation);
    lines.push({ line: { ...base(entry), at: entry.at, text, sections, key, edited: false, comments: commentsOf(entryMarks, names) }, index });
  }

  return lines.sort((a, b) => a.line.at - b.line.at || a.index - b.index).map(({ line }) => line);
};
