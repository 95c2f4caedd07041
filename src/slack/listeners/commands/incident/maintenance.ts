import { serviceChoices } from '../../../../app/incident/service-choices.js';
import { upcomingMaintenance } from '../../../../app/communication/schedule-maintenance.js';
import { maintenanceList } from '../../../blocks/communications.js';
import { maintenanceModal } from '../../../blocks/modals/maintenance-modal.js';
import { parseMaintenanceCommand } from '../../../parse/incident-commands.js';
import { requirePermission } from '../../../../app/permissions/require-permission.js';
import { anywhere } from './subcommand.js';

export const maintenance = anywhere({
  name: 'maintenance',
  usage: '`/incident maintenance`: schedule a maintenance window (status page and stakeholders); `/incident maintenance list` to see or cancel them',
  parse: parseMaintenanceCommand,
  run: ({ deps, userId, channelId, reply, openModal }, { list }) => {
    // Refused before the form opens: nothing typed is lost.
    if (!list) requirePermission(deps, 'maintenance', userId);
    if (!list) return openModal(maintenanceModal({ services: serviceChoices(deps), now: deps.clock.now(), channelId }));
    const names = new Map(serviceChoices(deps).map((service) => [service.id, service.name]));
    return reply(maintenanceList(upcomingMaintenance(deps), (id) => names.get(id) ?? id));
  },
});
