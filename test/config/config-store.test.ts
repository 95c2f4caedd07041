import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createConfigStore } from '../../src/config/config-store.js';
import { loadIncidentConfig } from '../../src/config/incident-config-file.js';

describe('configuration reload (SIGHUP)', () => {
  it('swaps in a valid new file and keeps the one in force when the new file is invalid', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incident-bot-reload-')), 'incident-bot.yml');
    writeFileSync(path, 'services:\n  - { id: payments, name: Payments API }\n');
    const store = createConfigStore(() => loadIncidentConfig(path, { required: true }), pino({ level: 'silent' }));
    expect(store.current().services.map((s) => s.name)).toEqual(['Payments API']);

    writeFileSync(path, 'services:\n  - { id: payments, name: Payments API }\n  - { id: search, name: Search }\n');
    expect(store.reload()).toEqual({ ok: true });
    expect(store.current().services.map((s) => s.name)).toEqual(['Payments API', 'Search']);

    writeFileSync(path, 'services:\n  - { id: payments, team: nobody }\n');
    const refused = store.reload();
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error).toContain('services[0].team');
    expect(store.current().services.map((s) => s.name)).toEqual(['Payments API', 'Search']);
  });
});
