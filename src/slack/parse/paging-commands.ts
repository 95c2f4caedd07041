import { z } from 'zod';
import { commandParser, personWord } from './command-text.js';

/** `/incident oncall [service|team]`. */
export const parseOnCallCommand = commandParser(({ rest }) => ({ filter: rest }), z.object({ filter: z.string().trim() }));

/** `/incident page <service|@person>`: nothing opens the form; a word that names no one is a service. */
export const parsePageCommand = commandParser(
  ({ args, rest }) => ({ person: args[0] ?? '', service: rest.trim() }),
  z.object({ person: personWord, service: z.string() }).transform(({ person, service }) => ({
    target: person ? { kind: 'user' as const, id: person } : service ? { kind: 'service' as const, id: service } : undefined,
  })),
);

/** `/incident handover @person`. */
export const parseHandoverCommand = commandParser(
  ({ args }) => ({ to: args[0] ?? '' }),
  z.object({ to: personWord.pipe(z.string({ error: 'Name the new commander: `/incident handover @person`.' })) }),
);
