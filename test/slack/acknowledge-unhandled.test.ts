import { describe, expect, it } from 'vitest';
import { anyIdExcept } from '../../src/slack/listeners/acknowledge-unhandled.js';
import { actionIds } from '../../src/slack/ids.js';

describe('anyIdExcept', () => {
  const pattern = anyIdExcept(Object.values(actionIds));

  it('matches no action the bot handles, so none is acknowledged twice', () => {
    for (const id of Object.values(actionIds)) expect(pattern.test(id)).toBe(false);
  });

  it('matches every other id, including ones that merely start or end like a handled one', () => {
    for (const id of ['open_runbook_link', `${actionIds.resolve}_2`, `x${actionIds.resolve}`, '', 'a.b']) expect(pattern.test(id)).toBe(true);
    expect(anyIdExcept(['a.b']).test('axb')).toBe(true);
  });
});
