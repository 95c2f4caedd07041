import { startDrill } from '../../../../app/incident/start-drill.js';
import { incidentKey } from '../../../../domain/incident/incident.js';
import { parseDrillCommand } from '../../../parse/incident-commands.js';
import { anywhere } from './subcommand.js';

export const drill = anywhere({
  name: 'drill',
  usage: '`/incident drill [payments|search|database]`: run a practice incident with sped-up timers',
  parse: parseDrillCommand,
  run: async ({ deps, userId, channelId, reply }, { scenario }) => {
    const { incident, speedup } = await startDrill(deps, { scenario, userId, tellIn: channelId });
    return reply(`:construction: Drill ${incidentKey(incident)} started; its channel is on its way and its timers run ${speedup}× faster.`);
  },
});
