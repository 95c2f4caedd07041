import { DomainError } from '../../domain/errors.js';
import { drillScenarios, findDrillScenario } from '../../domain/incident/drills.js';
import type { Incident } from '../../domain/incident/incident.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import { declareIncident, type DeclareIncidentDeps } from './declare-incident.js';

/** `/incident drill [scenario]`: a practice incident, declared by and commanded by whoever asked, its timers sped up. */
export const startDrill = async (
  deps: DeclareIncidentDeps,
  input: { scenario: string; userId: string; tellIn: string },
): Promise<{ incident: Incident; speedup: number }> => {
  const scenario = findDrillScenario(input.scenario);
  if (!scenario) {
    throw new DomainError(
      'INVALID_INPUT',
      `No drill \`${escapeUserText(input.scenario)}\`. Scenarios: ${drillScenarios.map((candidate) => `\`${candidate.id}\``).join(', ')}.`,
    );
  }
  const incident = await declareIncident(
    deps,
    {
      title: scenario.title,
      severity: scenario.severity,
      summary: scenario.summary,
      impact: scenario.impact,
      services: scenario.services,
      isPrivate: false,
      isDrill: true,
      reporterId: input.userId,
      commanderId: input.userId,
    },
    { tellIn: input.tellIn },
  );
  return { incident, speedup: deps.config().drills.speedup };
};
