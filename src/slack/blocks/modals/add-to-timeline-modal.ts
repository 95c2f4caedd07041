import type { ModalView } from '@slack/types';
import { viewIds, inputIds } from '../../ids.js';
import { clip, section } from '../text.js';
import { modal, textInput } from './form-parts.js';

/** The "Add to incident timeline" shortcut: an optional comment on why the message matters. */
export const addToTimelineModal = (input: { channelId: string; messageTs: string; messageUserId?: string; preview: string }): ModalView =>
  modal(
    viewIds.addToTimeline,
    'Add to timeline',
    'Add',
    [
      section(`> ${clip(input.preview.replace(/\n/g, ' '), 500)}`),
      textInput(inputIds.comment, 'Comment', { multiline: true, maxLength: 500, optional: true, placeholder: 'Why this moment matters' }),
    ],
    {
      channelId: input.channelId,
      messageTs: input.messageTs,
      messageText: clip(input.preview, 2000),
      ...(input.messageUserId ? { messageUserId: input.messageUserId } : {}),
    },
  );
