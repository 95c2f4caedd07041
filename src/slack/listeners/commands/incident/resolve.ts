import { statusShortcut } from './status-shortcut.js';

export const resolve = statusShortcut('resolve', 'resolved', '`/incident resolve [what fixed it]`: mark the incident resolved');
