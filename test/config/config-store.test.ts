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

  it('prepares every reload step with the new file before swapping, and applies none when one fails', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incident-bot-reload-')), 'incident-bot.yml');
    writeFileSync(path, 'digest: { cron: "0 9 * * 1-5" }\n');
    const store = createConfigStore(() => loadIncidentConfig(path, { required: true }), pino({ level: 'silent' }));
    const applied: string[] = [];
    store.onReload((next) => {
      const cron = next.digest.cron;
      return () => applied.push(`${cron} while ${store.current().digest.cron} in force`);
    });
    store.onReload((next) => {
      if (next.digest.timezone === 'Europe/Berlin') throw new Error('cannot schedule in Berlin');
      return () => undefined;
    });

    writeFileSync(path, 'digest: { cron: "30 8 * * MON" }\n');
    expect(store.reload()).toEqual({ ok: true });
    expect(applied).toEqual(['30 8 * * MON while 0 9 * * 1-5 in force']);
    expect(store.current().digest.cron).toBe('30 8 * * MON');

    writeFileSync(path, 'digest: { cron: "0 7 * * *", timezone: Europe/Berlin }\n');
    expect(store.reload()).toEqual({ ok: false, error: 'cannot schedule in Berlin' });
    expect(applied).toHaveLength(1);
    expect(store.current().digest.cron).toBe('30 8 * * MON');
  });
});
