import { describe, expect, it } from 'vitest';
import { escapeUserText } from '../../../src/domain/communication/slack-text.js';

/** Every form of special mention Slack knows; none may survive. */
const liveSpecial = /<!(?:here|channel|everyone|subteam\^)/;

describe('escapeUserText', () => {
  it.each([
    // [typed text as it reaches the bot, what the bot posts]
    ['plain words', 'plain words'],
    ['a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['<!channel> the db is down', '@channel the db is down'],
    ['<!here|here> and <!everyone>', '@here and @everyone'],
    ['ping <!subteam^S0SRE01|@sre-oncall> now', 'ping @sre-oncall now'],
    ['ping <!subteam^S0SRE01>', 'ping @group'],
    ['<!channel|channel>', '@channel'],
    ['<!date^1700000000^{date}|Nov 14>', 'Nov 14'],
    ['ask <@U0ALICE|alice> and <@W0BOB>', 'ask <@U0ALICE> and <@W0BOB>'],
    ['see <#C0GENERAL|general>', 'see <#C0GENERAL>'],
    ['logs at <https://grafana.example.com/d/1>', 'logs at <https://grafana.example.com/d/1>'],
    ['logs at <https://grafana.example.com|grafana.example.com>', 'logs at <https://grafana.example.com|grafana.example.com>'],
    ['mail <mailto:sre@example.com|sre@example.com>', 'mail <mailto:sre@example.com|sre@example.com>'],
    ['<https://evil.example|https://bank.example>', '&lt;https://evil.example|https://bank.example&gt;'],
    ['<javascript:alert(1)|click>', '&lt;javascript:alert(1)|click&gt;'],
    ['<b>bold</b>', '&lt;b&gt;bold&lt;/b&gt;'],
    ['unclosed <!channel', 'unclosed &lt;!channel'],
    ['<<!channel>>', '&lt;@channel&gt;'],
    ['&lt;!everyone&gt; typed literally', '&amp;lt;!everyone&amp;gt; typed literally'],
    ['<@U0ALICE|<!channel>>', '&lt;@U0ALICE|@channel&gt;'],
  ])('%j → %j', (typed, posted) => {
    expect(escapeUserText(typed)).toBe(posted);
    expect(escapeUserText(typed)).not.toMatch(liveSpecial);
  });

  it('never leaves a live special mention, whatever the nesting', () => {
    const nasty = ['<!channel>', '<<!here>>', '<!ever<!everyone>one>', '<@U1|x><!subteam^S1>', '<https://x|<!channel>>', '<!channel|<!here>>'];
    for (const text of nasty) expect(escapeUserText(text)).not.toMatch(liveSpecial);
  });
});
