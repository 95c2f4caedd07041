import { describe, expect, it } from 'vitest';
import { formatSlackDate, renderMrkdwn, type Directory } from '../../../src/sandbox/ui/render-mrkdwn.js';

const now = Date.UTC(2026, 2, 10, 12, 0, 0);
const dir: Directory = {
  userName: (id) => ({ U0SBALICE1: 'alice' })[id],
  channelName: (id) => ({ C0SBINCIDS: 'incidents' })[id],
  groupHandle: (id) => ({ S0SBSRE001: 'sre' })[id],
  channelHref: (id) => `/sandbox?c=${id}`,
  timeZone: 'Europe/London',
  now,
};

describe('mrkdwn as HTML', () => {
  it.each([
    ['*bold* and _italic_ and ~gone~', '<strong>bold</strong> and <em>italic</em> and <del>gone</del>'],
    ['use `npm ci` now', 'use <code>npm ci</code> now'],
    ['```a *b*\n<c>```', '<pre class="pre">a *b*\n&lt;c&gt;</pre>'],
    ['incident_update_status stays', 'incident_update_status stays'],
    ['*<@U0SBALICE1>* took it', '<strong><span class="mention">@alice</span></strong> took it'],
    ['<#C0SBINCIDS>', '<a class="mention" href="/sandbox?c=C0SBINCIDS">#incidents</a>'],
    ['<#C0UNKNOWN|old-name>', '<a class="mention" href="/sandbox?c=C0UNKNOWN">#old-name</a>'],
    ['<!here> <!channel> <!subteam^S0SBSRE001>', '<span class="mention">@here</span> <span class="mention">@channel</span> <span class="mention">@sre</span>'],
    ['<https://example.com/runbook|the runbook>', '<a href="https://example.com/runbook" target="_blank" rel="noopener noreferrer">the runbook</a>'],
    ['<javascript:alert(1)|click>', 'click'],
    ['a &lt;b&gt; &amp; "c"', 'a &lt;b&gt; &amp; &quot;c&quot;'],
    ['<script>x</script>', 'scriptx/script'], // raw angle brackets are Slack markup, never HTML
    ['<https://x.test/"onmouseover="a|t>', '<a href="https://x.test/&quot;onmouseover=&quot;a" target="_blank" rel="noopener noreferrer">t</a>'],
    ['line one\nline two', 'line one<br>line two'],
    ['&gt; quoted\nplain', '<blockquote>quoted</blockquote>plain'],
    [':rotating_light: SEV1 :unknown_emoji:', '🚨 SEV1 :unknown_emoji:'],
  ])('%j', (input, html) => {
    expect(renderMrkdwn(input, dir)).toBe(html);
  });

  it('shows dates in the reader’s time zone, with Slack’s tokens, and falls back when unreadable', () => {
    const seconds = Date.UTC(2026, 2, 10, 9, 5) / 1000;
    expect(renderMrkdwn(`<!date^${seconds}^{date_short_pretty} {time}|2026-03-10T09:05:00Z>`, dir)).toContain('>today 09:05</time>');
    expect(formatSlackDate(seconds, '{date_num} · {date} · {date_long} · {ago}', 'America/New_York', now)).toBe(
      '2026-03-10 · March 10th, 2026 · Tuesday, March 10th, 2026 · 3 hours ago',
    );
    expect(renderMrkdwn('<!date^nonsense^{date}|back then>', dir)).toContain('back then');
  });
});
