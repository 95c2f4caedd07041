import type { AlertNoise } from '../../app/alerts/alert-ports.js';
import type { Disposition } from '../../domain/alerts/alert.js';
import { escape } from './text.js';

const labels: Partial<Record<Disposition, string>> = {
  held_maintenance: 'held by maintenance',
  held_dependency: 'held by dependency',
  silenced: 'silenced',
  flapping: 'flapping',
  grouped: 'grouped',
  paged: 'paged',
  attached: 'attached',
  info: 'info',
};

/** The noise accounting reply: per service and alert name, what was received and what became of it. */
export const alertNoiseText = (result: { service: string | null; rows: AlertNoise[] }): string => {
  const scope = result.service ? ` of *${escape(result.service)}*` : '';
  if (result.rows.length === 0) return `No alerts${scope} in the last 7 days.`;
  const lines = result.rows.map((row, index) => {
    const fates = Object.entries(row.dispositions)
      .flatMap(([disposition, count]) => (labels[disposition as Disposition] ? [`${labels[disposition as Disposition]} ${count}`] : []))
      .join(', ');
    return `${index + 1}. *${escape(row.service ?? 'no service')} · ${escape(row.alertname)}*: ${row.alerts} alert(s), ${row.received} received${fates ? ` (${fates})` : ''}`;
  });
  return [`*Noisiest alerts${scope}, last 7 days* (fix these at the source):`, ...lines].join('\n');
};
