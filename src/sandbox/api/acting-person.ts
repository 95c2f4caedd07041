import { sandboxPeople } from '../seed-workspace.js';
import type { Workspace } from 'slack-emulator';
import { HttpError } from './http-io.js';

export type Person = { id: string; name: string; realName: string; title: string };

const peopleList = (): string => sandboxPeople.map((person) => `${person.name} (${person.id})`).join(', ');

/** The sandbox acts only for the seeded people: never for the bot, nor for anyone made up. */
export const actingPerson = (ws: Workspace, id: string | null | undefined): Person => {
  if (!id) throw new HttpError(400, `say who is acting: as=<user id>, one of ${peopleList()}`);
  const seeded = sandboxPeople.find((person) => person.id === id);
  const user = ws.user(id);
  if (user?.isBot) throw new HttpError(403, `${id} is the bot; act as one of ${peopleList()}`);
  if (!seeded || !user) throw new HttpError(400, `${id} is not a sandbox person; act as one of ${peopleList()}`);
  return { id: user.id, name: user.name, realName: user.realName, title: seeded.title };
};

export const sandboxPersons = (): Person[] => sandboxPeople.map(({ id, name, realName, title }) => ({ id, name, realName, title }));
