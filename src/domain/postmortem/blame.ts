/** Wording that reads as blame, where it is in the text, and a system-focused way to say it instead. */
export interface BlameFinding {
  /** The flagged words exactly as written. */
  phrase: string;
  start: number;
  end: number;
  suggestion: string;
}

export interface FindBlameOptions {
  /** More phrases to flag (matched whole-word, case-insensitive), e.g. from the configuration. */
  extraPhrases?: string[];
  /** People's names as they are written in the text; "<name> broke …" is flagged like an @-mention. */
  names?: string[];
}

/** One rule: a pattern (source, compiled case-insensitively) and the hint shown when it matches. */
export interface BlamePhrase {
  pattern: string;
  suggestion: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Word edges that also work next to `<@U1>` and `@name`, which `\b` does not. */
const START = "(?<![\\p{L}\\p{N}_'’-])";
const END = '(?![\\p{L}\\p{N}_])';
const APOSTROPHE = "['’]";

const personSuggestion =
  "Name the condition, not the person: describe what the system allowed, e.g. 'the deploy pipeline accepted the change without a canary'.";
const becauseSuggestion =
  "Explain the cause as a condition of the system, e.g. 'because the migration ran without a lock timeout'.";
const judgementSuggestion =
  "This judges a person; describe the conditions they worked in instead, e.g. 'the checklist had no step for …'.";

/** Verbs that make a person the cause ("@ana broke the build"); doing things ("@ana restarted …") is fine. */
const causalVerbs = [
  'broke',
  'breaks',
  'has broken',
  'caused',
  'causes',
  'forgot',
  'forgets',
  'missed',
  'messed up',
  'screwed up',
  'botched',
  'overlooked',
  'neglected',
  `(?:pushed|deployed|shipped|merged|committed) (?:a|an|the|their|his|her) (?:bad|broken|wrong|faulty|buggy)`,
  `did(?:n${APOSTROPHE}t| not) (?:check|test|review|notice|read|follow|look|verify|wait)`,
  `never (?:checked|tested|reviewed|noticed|verified)`,
].join('|');
const adverbs = '(?:\\s+(?:accidentally|just|apparently|probably|clearly|obviously|totally|completely|again|also|somehow))*';

/** Default rules other than people named as causes (those depend on how people appear in the text). */
export const defaultBlamePhrases: readonly BlamePhrase[] = [
  {
    // "nobody's fault" and "no one's fault" say the opposite of blame.
    pattern: `(?<!no[ -])(?!(?:nobody|no-one)${APOSTROPHE})(?:[\\p{L}\\p{N}_@.<>|-]+${APOSTROPHE}s|my|your|his|her|their|our) fault|fault of|at fault|whose fault`,
    suggestion: "Faults belong to systems: say which safeguard was missing, e.g. 'no check rejected the invalid configuration'.",
  },
  {
    pattern: 'human errors?',
    suggestion: 'Human error is where the inquiry starts, not its answer: ask what made the mistake easy to make and hard to notice.',
  },
  {
    pattern: `should(?:${APOSTROPHE}ve| have)`,
    suggestion: "Describe what the system or process made easy or hard, e.g. 'the runbook did not cover …'.",
  },
  {
    pattern: `should(?:n${APOSTROPHE}t| not)(?:${APOSTROPHE}ve| have)`,
    suggestion: "Describe why the action made sense at the time, e.g. 'nothing warned that the command affected production'.",
  },
  { pattern: 'careless(?:ly|ness)?', suggestion: judgementSuggestion },
  { pattern: 'negligen(?:t|tly|ce)', suggestion: judgementSuggestion },
  { pattern: 'sloppy|sloppiness', suggestion: judgementSuggestion },
  { pattern: 'incompeten(?:t|ce)', suggestion: judgementSuggestion },
  { pattern: `did(?:n${APOSTROPHE}t| not) bother|could(?:n${APOSTROPHE}t| not) be bothered`, suggestion: judgementSuggestion },
  { pattern: 'dropped the ball', suggestion: judgementSuggestion },
  { pattern: 'rookie mistake', suggestion: judgementSuggestion },
  {
    pattern: '(?:to )?blam(?:e|es|ed|ing)',
    suggestion: "Postmortems are blameless: describe systems and conditions, e.g. 'the alert threshold hid the error rate'.",
  },
];

interface Rule {
  regex: RegExp;
  suggestion: string;
}

const compile = (pattern: string, suggestion: string): Rule => ({
  regex: new RegExp(`${START}(?:${pattern})${END}`, 'giu'),
  suggestion,
});

/** People as the text may show them: Slack mentions, `@handle`, and the names given. */
const personPattern = (names: readonly string[]): string =>
  [
    '<@[UW][A-Z0-9_]+(?:\\|[^>]*)?>',
    '@[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_]',
    ...names.map((name) => name.trim()).filter((name) => name !== '').map(escapeRegExp),
  ].join('|');

const personRules = (names: readonly string[]): Rule[] => {
  const person = `(?:${personPattern(names)})`;
  return [
    compile(`${person}${adverbs}\\s+(?:${causalVerbs})`, personSuggestion),
    compile(`(?:because(?: of)?|due to) ${person}`, becauseSuggestion),
  ];
};

const defaultRules: readonly Rule[] = defaultBlamePhrases.map(({ pattern, suggestion }) => compile(pattern, suggestion));
const defaultPersonRules = personRules([]);

/** Code spans and blocks are quoted machine text, not wording: blank them out, keeping every offset. */
const maskCode = (text: string): string =>
  text.replace(/```[\s\S]*?```|`[^`\n]+`/g, (code) => ' '.repeat(code.length));

const extraSuggestion = 'Your team flagged this wording: describe the systems and conditions involved instead.';

/**
 * Blame in `text`, in order of appearance, never overlapping (the earliest, then longest, wins).
 * Flags people named as causes and words that judge people; leaves technical words ("fault-tolerant",
 * "default", "faulty disk") and people simply doing things ("@ana restarted the service") alone.
 */
export const findBlame = (text: string, options: FindBlameOptions = {}): BlameFinding[] => {
  const searchable = maskCode(text);
  const rules = [
    ...(options.names && options.names.length > 0 ? personRules(options.names) : defaultPersonRules),
    ...defaultRules,
    ...(options.extraPhrases ?? [])
      .map((phrase) => phrase.trim())
      .filter((phrase) => phrase !== '')
      .map((phrase) => compile(escapeRegExp(phrase).replace(/\s+/g, '\\s+'), extraSuggestion)),
  ];
  const found: BlameFinding[] = [];
  for (const { regex, suggestion } of rules) {
    for (const match of searchable.matchAll(regex)) {
      if (match[0] === '') continue;
      const start = match.index;
      const end = start + match[0].length;
      found.push({ phrase: text.slice(start, end), start, end, suggestion });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: BlameFinding[] = [];
  for (const finding of found) {
    const last = kept.at(-1);
    if (!last || finding.start >= last.end) kept.push(finding);
  }
  return kept;
};
