import type { ModalView } from '@slack/types';
import type { UseCaseDeps } from '../../../../app/use-case-deps.js';
import { notAnIncidentChannel } from '../../../../app/incident/find-incident.js';
import type { Incident } from '../../../../domain/incident/incident.js';
import type { CommandInput, ParsedCommand } from '../../../parse/command-text.js';
import type { Tell } from '../../report-error.js';

/** What a subcommand gets: who asked where, its words, and how to answer. */
export interface CommandRequest {
  deps: UseCaseDeps;
  userId: string;
  channelId: string;
  /** The incident of this channel, if it is one. */
  channelIncident: Incident | undefined;
  command: ParsedCommand;
  /** A private answer to whoever typed the command. */
  reply: Tell;
  openModal: (view: ModalView) => Promise<unknown>;
}

/** What the table and the help know of a subcommand. */
interface Entry {
  name: string;
  aliases?: readonly string[];
  /** Its line in `/incident help`. */
  usage: string;
  /** Its words may name people as a plain `@name`, looked up before parsing. */
  namesPeople?: boolean;
}

export interface Subcommand extends Entry {
  /** Only in an incident channel: listed under that heading, refused elsewhere. */
  inIncident: boolean;
  /** Parses the words, then runs. */
  handle(request: CommandRequest): Promise<unknown>;
}

type Parser<T> = (command: ParsedCommand) => CommandInput<T>;

/** Runs a parser; bad words get the parser's one-sentence answer and nothing else happens. */
const parsedThen =
  <T>(parse: Parser<T>, run: (request: CommandRequest, input: T) => Promise<unknown>) =>
  (request: CommandRequest) => {
    const parsed = parse(request.command);
    return parsed.ok ? run(request, parsed.value) : request.reply(`:warning: ${parsed.refusal}`);
  };

/** A subcommand that works in any channel. */
export const anywhere = <T>(entry: Entry & { parse: Parser<T>; run: (request: CommandRequest, input: T) => Promise<unknown> }): Subcommand => {
  const { parse, run, ...rest } = entry;
  return { ...rest, inIncident: false, handle: parsedThen(parse, run) };
};

/** A subcommand about the incident of the channel it is typed in. */
export const inIncident = <T>(
  entry: Entry & { parse: Parser<T>; run: (request: CommandRequest & { incident: Incident }, input: T) => Promise<unknown> },
): Subcommand => {
  const { parse, run, ...rest } = entry;
  return {
    ...rest,
    inIncident: true,
    handle: (request) => {
      const incident = request.channelIncident;
      // Checked before the words: outside an incident channel, that is the answer whatever was typed.
      if (!incident) throw notAnIncidentChannel();
      return parsedThen(parse, (checked, input: T) => run({ ...checked, incident }, input))(request);
    },
  };
};
