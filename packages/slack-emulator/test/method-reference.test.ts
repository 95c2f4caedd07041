import { describe, expect, it } from 'vitest';
import { methodFacts, methodReference } from '../src/method-reference.js';

describe('method reference', () => {
  it('covers every Web API method of the Slack reference', () => {
    expect(Object.keys(methodReference())).toHaveLength(322);
  });

  it('carries the facts the fake relies on', () => {
    expect(methodFacts('chat.postMessage')).toMatchObject({ scopes: ['chat:write'], tier: 't5', required: ['channel'], bot: true });
    expect(methodFacts('views.open')).toMatchObject({ scopes: null, required: ['view'] });
    expect(methodFacts('conversations.invite')?.required).toEqual(['channel', 'users']);
    expect(methodFacts('search.messages')?.bot).toBe(false);
    expect(methodFacts('toString')).toBeUndefined();
  });
});
