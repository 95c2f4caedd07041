import type { IncidentConfig } from './incident-config.js';
import type { Config } from './env.js';

/**
 * One value per setting. The announcements channel can be written in two places: the environment
 * (`ANNOUNCEMENTS_CHANNEL`, the quick start's way) and the file (`channels.announcements`). The
 * environment wins, as environment variables do over files, and the result is stored once, in
 * `channels.announcements`, which every reader (incident announcements, alert groups without a
 * team channel) uses. Applied at start-up and on every reload.
 */
export const withEnvironment = (file: IncidentConfig, env: Pick<Config, 'announcementsChannel'>): IncidentConfig =>
  env.announcementsChannel ? { ...file, channels: { ...file.channels, announcements: env.announcementsChannel } } : file;
