import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { changeStatus } from '../../../app/incident/change-status.js';
import { incidentById } from '../../../app/incident/find-incident.js';
import { joinIncident } from '../../../app/incident/join-incident.js';
import type { Incident } from '../../../domain/incident/incident.js';
import { declareModal } from '../../blocks/modals/declare-modal.js';
import { pageModal } from '../../blocks/modals/page-modal.js';
import { roleModal, severityModal, statusModal } from '../../blocks/modals/incident-modals.js';
import { updateModal } from '../../blocks/modals/update-modal.js';
import { updateFormDefaults } from '../../../app/communication/update-form.js';
import { serviceChoices } from '../../../app/incident/service-choices.js';
import { retryChannel } from '../../../app/incident/retry-channel.js';
import type { ListenerContext } from '../context.js';
import { replyPrivately, reportingErrors, tellPrivately } from '../report-error.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A card button that opens a modal about the incident whose id the button carries. */
export const openIncidentModal =
  (ctx: ListenerContext, render: (incident: Incident, userId: string) => ModalView) =>
  async ({ ack, action, body, client, respond }: ButtonArgs) => {
    await ack();
    await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
      const incident = incidentById(ctx.deps.incidents, action.value ?? '');
      await client.views.open({ trigger_id: body.trigger_id, view: render(incident, body.user.id) });
    });
  };

export const statusButton = (ctx: ListenerContext) => openIncidentModal(ctx, statusModal);
export const severityButton = (ctx: ListenerContext) => openIncidentModal(ctx, severityModal);
export const roleButton = (ctx: ListenerContext) => openIncidentModal(ctx, (incident) => roleModal(incident));
export const updateButton = (ctx: ListenerContext) => openIncidentModal(ctx, (incident, userId) => updateModal(incident, updateFormDefaults(ctx.deps, incident, userId)));
export const pageButton = (ctx: ListenerContext) =>
  openIncidentModal(ctx, (incident) => pageModal(incident, serviceChoices(ctx.deps)));

export const resolveButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), () =>
    changeStatus(ctx.deps, { incidentId: action.value ?? '', to: 'resolved', actorId: body.user.id }),
  );
};

export const joinButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const incident = await joinIncident(ctx.deps, { incidentId: action.value ?? '', userId: body.user.id });
    await replyPrivately(respond)(`Adding you to <#${incident.channelId}>.`);
  });
};

/** The App Home's Declare button. */
export const declareButton = (ctx: ListenerContext) => async ({ ack, body, client }: ButtonArgs) => {
  await ack();
  const logger = ctx.logger.child({ module: 'action', action: 'declare' });
  await reportingErrors(tellPrivately(client, body.user.id), logger, () =>
    client.views.open({ trigger_id: body.trigger_id, view: declareModal({ title: '', reporterId: body.user.id, services: serviceChoices(ctx.deps) }) }),
  );
};

/** Retry for an incident whose channel could not be created (listed in /incident list and App Home). */
export const retryChannelButton = (ctx: ListenerContext) => async ({ ack, action, body, respond }: ButtonArgs) => {
  await ack();
  await reportingErrors(replyPrivately(respond), ctx.logger.child({ module: 'action', action: action.action_id }), async () => {
    const incident = await retryChannel(ctx.deps, { incidentId: action.value ?? '', actorId: body.user.id });
    await replyPrivately(respond)(`:arrows_counterclockwise: Creating the channel of INC-${incident.number} again; I will tell you when it is there.`);
  });
};
