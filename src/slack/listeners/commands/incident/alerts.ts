import { alertNoise } from '../../../../app/alerts/alert-noise.js';
import { alertNoiseMessage } from '../../../blocks/alert-noise.js';
import { parseOptionalService } from '../../../parse/alert-commands.js';
import { anywhere } from './subcommand.js';

export const alerts = anywhere({
  name: 'alerts',
  usage: '`/incident alerts [service]`: the noisiest alerts of the last 7 days and what became of them',
  parse: parseOptionalService,
  run: ({ deps, reply }, { service }) => reply(alertNoiseMessage(alertNoise(deps, { service }))),
});
