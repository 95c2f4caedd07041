/** Public entry of the Slack emulator, used by the bot's tests, its benchmarks and the local sandbox. */
import { FakeSlack, type FakeSlackOptions } from './fake-slack.js';

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return new FakeSlack(options).listen(options.port);
}

export { FakeSlack, type FakeSlackOptions, type EventResult } from './fake-slack.js';
export type { AppConfig, AppResponse, Delivery, SendOptions } from './app-client.js';
export type { ActionResult, ClickButtonInput, ClickViewButtonInput, SelectOptionInput } from './block-actions.js';
export { validateBlocks, maxBlocks, type Surface } from './block-validation.js';
export { validateView } from './view-validation.js';
export { isValidSlackSignature, slackSignature } from './signing.js';
export { methodFacts, methodReference, type MethodFacts } from './method-reference.js';
export { defaultManifestPath, loadManifest, type AppManifest } from './manifest.js';
export { permalink } from './methods/chat.js';
export { buildView } from './methods/views.js';
export type { ApiCall } from './web-api.js';
export { seeded, type Fault, type FaultRate } from './faults.js';
export type { ResponsePost } from './response-urls.js';
export type { SlashCommandInput, SlashCommandResult } from './slash-commands.js';
export type { MessageShortcutInput, MessageShortcutResult } from './shortcuts.js';
export type { Canvas, ReceivedUpload, SlackFile } from './stored-files.js';
export { fileObject, fileTypeOf } from './stored-files.js';
export type { SubmitViewInput, SubmitViewResult, SubmittedValues } from './view-submissions.js';
export type { MessageRef, PostMessageInput, ProfileChange, ReactionInput, UserEventResult } from './user-events.js';
export { typedText, type TypedKind } from './typed-text.js';
export { Workspace } from './workspace.js';
export type { Conversation, EphemeralMessage, Message, NewUserGroup, User, UserGroup, View, WorkspaceOptions } from './workspace.js';
