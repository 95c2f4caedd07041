import { statusShortcut } from './status-shortcut.js';

/** Blocking follow-ups still open make it ask first (Close anyway). */
export const close = statusShortcut('close', 'closed', '`/incident close`: close the incident (blocking follow-ups still open: it asks first)');
