import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadLogLevel } from '../../src/config/env.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-secret-token', SLACK_SIGNING_SECRET: 'very-secret' };

const failure = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.databasePath).toBe('db/incident-bot.sqlite');
    expect(config.logLevel).toBe('info');
    expect(config.channelNameTemplate).toBe('inc-{number}-{slug}');
    expect(config.slack.apiUrl).toBeUndefined();
    expect(config.announcementsChannel).toBeUndefined();
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      ...valid,
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      PORT: '8080',
      DATABASE_PATH: '/var/lib/bot.sqlite',
      LOG_LEVEL: 'debug',
      ANNOUNCEMENTS_CHANNEL: 'C0ANNOUNCE',
      CONFIG_PATH: './incident-bot.yml',
      CHANNEL_NAME_TEMPLATE: 'incident-{number}',
    });
    expect(config).toMatchObject({
      slack: { apiUrl: 'http://127.0.0.1:4000/api/' },
      http: { port: 8080 },
      databasePath: '/var/lib/bot.sqlite',
      logLevel: 'debug',
      announcementsChannel: 'C0ANNOUNCE',
      configPath: './incident-bot.yml',
      channelNameTemplate: 'incident-{number}',
    });
  });

  it.each([
    [{}, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: '   ' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ ...valid, PORT: 'eighty' }, 'PORT'],
    [{ ...valid, PORT: '70000' }, 'PORT'],
    [{ ...valid, SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ...valid, ANNOUNCEMENTS_CHANNEL: '#announcements' }, 'ANNOUNCEMENTS_CHANNEL'],
    [{ ...valid, SLACK_APP_TOKEN: 'xoxb-wrong-kind' }, 'SLACK_APP_TOKEN'],
    [{ ...valid, CHANNEL_NAME_TEMPLATE: 'incident-{slug}' }, 'CHANNEL_NAME_TEMPLATE'],
  ])('names the bad variable in %j', (env, name) => {
    expect(failure(env)).toContain(`${name}:`);
  });

  it('refuses a database URL in DATABASE_PATH, without repeating it (it may hold a password)', () => {
    const message = failure({ ...valid, DATABASE_PATH: 'postgres://bot:hunter2@db.example.com/incidents' });
    expect(message).toBe(
      'Invalid configuration: DATABASE_PATH: must be the path of a SQLite file such as db/incident-bot.sqlite: the bot keeps its state in SQLite, and a database URL (postgres://…) is not supported',
    );
    expect(loadConfig({ ...valid, DATABASE_PATH: 'C:/bot/state.sqlite' }).databasePath).toBe('C:/bot/state.sqlite');
  });

  it('accepts Socket Mode without a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.appToken).toBe('xapp-1');
  });

  it('never repeats a secret value in its message', () => {
    const message = failure({ SLACK_BOT_TOKEN: 'xoxb-secret-token', SLACK_APP_TOKEN: 'xoxp-super-secret', PORT: 'x' });
    expect(message).not.toContain('xoxb-secret-token');
    expect(message).not.toContain('xoxp-super-secret');
  });
});

describe('start-up messages', () => {
  it('give one line per bad variable, each naming it', () => {
    const lines = failure({ ...valid, PORT: 'eighty', LOG_LEVEL: 'verbose' }).split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Invalid configuration: PORT: /), 'Invalid configuration: LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent']);
  });

  it('read LOG_LEVEL on its own, before the logger exists', () => {
    expect(loadLogLevel({ LOG_LEVEL: ' debug ' })).toBe('debug');
    expect(loadLogLevel({})).toBe('info');
    expect(() => loadLogLevel({ LOG_LEVEL: 'verbose' })).toThrow(new ConfigError('Invalid configuration: LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'));
  });
});
