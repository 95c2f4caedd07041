import { sloReport } from '../../../../app/slo/slo-report.js';
import { sloReportMessage } from '../../../blocks/slo-report.js';
import { parseOptionalService } from '../../../parse/alert-commands.js';
import { anywhere } from './subcommand.js';

export const slo = anywhere({
  name: 'slo',
  aliases: ['slos'],
  usage: '`/incident slo [service]`: each SLO with its error budget left and how fast it burns, read from Prometheus now',
  parse: parseOptionalService,
  run: async ({ deps, reply }, { service }) => reply(sloReportMessage(await sloReport(deps, { service: service ?? undefined }))),
});
