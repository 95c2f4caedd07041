import type { CustomRoute } from '@slack/bolt';
import type { FakeSlack } from './slack-emulator/index.js';

/** Placeholder until the sandbox UI lands: the routes of the browser UI at /sandbox. */
export const sandboxRoutes = (_slack: FakeSlack): CustomRoute[] => [];
