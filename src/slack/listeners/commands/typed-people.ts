import type { PeopleDirectory } from '../../../app/ports.js';

const plainMention = /(^|\s)@([\p{L}\p{N}][\p{L}\p{N}._-]*?)(?=[.,;:!?]*(?:\s|$))/gu;

/**
 * Slack turns a typed `@carol` into `<@U…|carol>` only when the person picks her (or the client knows
 * the name); otherwise the command carries the plain text. Resolve what can be resolved by handle or
 * display name, and leave the rest for the subcommand to refuse by name.
 */
export const resolvePlainMentions = async (text: string, people: PeopleDirectory): Promise<string> => {
  const names = [...new Set([...text.matchAll(plainMention)].map((match) => match[2]!))];
  if (names.length === 0) return text;
  const ids = new Map<string, string>();
  for (const name of names) {
    const id = await people.findByName(name);
    if (id) ids.set(name, id);
  }
  return text.replace(plainMention, (whole, before: string, name: string) => {
    const id = ids.get(name);
    return id ? `${before}<@${id}|${name}>` : whole;
  });
};
