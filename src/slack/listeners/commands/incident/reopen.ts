import { statusShortcut } from './status-shortcut.js';

export const reopen = statusShortcut('reopen', 'investigating', '`/incident reopen [why]`: back to investigating after a resolve');
