import { statusShortcut } from './status-shortcut.js';

export const cancel = statusShortcut('cancel', 'cancelled', '`/incident cancel [why]`: cancel a false alarm');
