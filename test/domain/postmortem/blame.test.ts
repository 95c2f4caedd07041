import { describe, expect, it } from 'vitest';
import { defaultBlamePhrases, findBlame } from '../../../src/domain/postmortem/blame.js';

const names = ['Alice', 'Bob Smith'];

/** Sentence → the phrases flagged in it, in order. */
const flagged: [string, string[]][] = [
  ['<@U123> broke checkout with the 14:02 deploy', ['<@U123> broke']],
  ['<@U123|ana> caused the outage', ['<@U123|ana> caused']],
  ['Looks like <@U123> forgot to run the migration', ['<@U123> forgot']],
  ['<@U123> missed the alert', ['<@U123> missed']],
  ['<@W99> messed up the config', ['<@W99> messed up']],
  ['<@U123> pushed the bad config to prod', ['<@U123> pushed the bad']],
  ['<@U123> accidentally broke the cache', ['<@U123> accidentally broke']],
  ['@ana just deployed a broken build', ['@ana just deployed a broken']],
  ['<@U123> didn’t check the dashboard', ['<@U123> didn’t check']],
  ['It failed because <@U123> restarted the primary', ['because <@U123>']],
  ['This happened because of <@U123>', ['because of <@U123>']],
  ['Alice broke the deploy', ['Alice broke']],
  ['bob smith forgot the feature flag', ['bob smith forgot']],
  ['The outage was due to Alice', ['due to Alice']],
  ["It was Bob's fault", ["Bob's fault"]],
  ['Totally my fault, sorry', ['my fault']],
  ['The fault of the release team', ['fault of']],
  ['The on-call team was at fault', ['at fault']],
  ['Root cause: human error', ['human error']],
  ['We should have rolled back sooner', ['should have']],
  ["Somebody should've noticed", ["should've"]],
  ["They shouldn't have touched prod on a Friday", ["shouldn't have"]],
  ['That was careless', ['careless']],
  ['A negligent change', ['negligent']],
  ['Sloppy review of the PR', ['Sloppy']],
  ["Don't blame the intern", ['blame']],
  ['Ops is to blame here', ['to blame']],
  ['The vendor was incompetent', ['incompetent']],
  ["He didn't bother to read the runbook", ["didn't bother"]],
  ['Someone dropped the ball on the certificate renewal', ['dropped the ball']],
  ['HUMAN ERROR again', ['HUMAN ERROR']],
  ['<@U123> broke it and that was careless; we should have known', ['<@U123> broke', 'careless', 'should have']],
  ['Code `x` aside, <@U123> broke it', ['<@U123> broke']],
];

const notFlagged: string[] = [
  'The service is fault-tolerant',
  'We need better fault tolerance in the queue',
  'The default timeout is 30s',
  'A faulty disk on db-3 stopped replication',
  'The deploy caused a spike in 500s',
  'The alert should fire at 5%',
  'We should add a canary stage',
  '<@U123> restarted the service',
  '<@U123> deployed the fix at 09:40',
  '<@U123> pushed the fix to the release branch',
  'This is a blameless postmortem',
  'We review incidents blamelessly',
  'Run `git blame src/pay.ts` to see history',
  '```\nhuman error: should have retried\n```',
  'The segmentation fault came from the native driver',
  'Page faults went up on the cache nodes',
  "It was nobody's fault",
  'A fault in the load balancer dropped connections',
  'Alice restarted the pods',
  'The handler broke on empty payloads',
  'The retry caused duplicate charges',
  'ops@example.com forwarded the alert',
  'Defaulting to the old endpoint',
  'The faults were injected by the chaos test',
];

describe('findBlame flags blame', () => {
  it.each(flagged)('%s', (sentence, phrases) => {
    const findings = findBlame(sentence, { names });
    expect(findings.map((f) => f.phrase)).toEqual(phrases);
    for (const finding of findings) {
      expect(sentence.slice(finding.start, finding.end)).toBe(finding.phrase);
      expect(finding.suggestion.length).toBeGreaterThan(20);
    }
  });
});

describe('findBlame leaves systems, actions and code alone', () => {
  it.each(notFlagged)('%s', (sentence) => {
    expect(findBlame(sentence, { names })).toEqual([]);
  });
});

describe('findBlame options', () => {
  it('names are only people when given', () => {
    expect(findBlame('Alice broke the deploy')).toEqual([]);
  });

  it('extra phrases are whole words, case-insensitive, outside code', () => {
    const findings = findBlame('A Fat Finger moment; fatfingered; `fat finger`', { extraPhrases: ['fat finger', ' '] });
    expect(findings.map((f) => [f.phrase, f.start])).toEqual([['Fat Finger', 2]]);
  });

  it('suggests system wording for "should have"', () => {
    expect(findBlame('we should have')[0]?.suggestion).toContain('the runbook did not cover');
  });

  it('exports its default phrases', () => {
    expect(defaultBlamePhrases.length).toBeGreaterThan(5);
  });
});
