/** The parts of the project's manifest.yml that decide what the fake grants and delivers. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const manifestSchema = z.object({
  features: z
    .object({
      slash_commands: z.array(z.object({ command: z.string() })).optional(),
      app_home: z.object({ home_tab_enabled: z.boolean().optional() }).optional(),
      shortcuts: z.array(z.object({ type: z.enum(['message', 'global']), callback_id: z.string() })).optional(),
    })
    .optional(),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()).optional() }).optional() }).optional(),
  settings: z
    .object({
      event_subscriptions: z.object({ bot_events: z.array(z.string()).optional() }).optional(),
      interactivity: z.object({ is_enabled: z.boolean().optional() }).optional(),
    })
    .optional(),
});

export type AppManifest = {
  botScopes: string[];
  botEvents: string[];
  commands: string[];
  interactivity: boolean;
  homeTab: boolean;
  /** callback ids of the `type: message` shortcuts */
  messageShortcuts: string[];
};

/** The manifest of the repository this package lives in (<repository>/packages/slack-emulator/src/). */
export const defaultManifestPath = new URL('../../../manifest.yml', import.meta.url);

export function loadManifest(path: string | URL = defaultManifestPath): AppManifest {
  const raw = manifestSchema.parse(parse(readFileSync(path, 'utf8')));
  return {
    botScopes: raw.oauth_config?.scopes?.bot ?? [],
    botEvents: raw.settings?.event_subscriptions?.bot_events ?? [],
    commands: (raw.features?.slash_commands ?? []).map((c) => c.command),
    interactivity: raw.settings?.interactivity?.is_enabled ?? false,
    homeTab: raw.features?.app_home?.home_tab_enabled ?? false,
    messageShortcuts: (raw.features?.shortcuts ?? []).filter((s) => s.type === 'message').map((s) => s.callback_id),
  };
}
