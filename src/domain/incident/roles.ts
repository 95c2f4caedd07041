export const roles = ['commander', 'comms', 'scribe', 'ops'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  commander: 'Incident Commander',
  comms: 'Communications Lead',
  scribe: 'Scribe',
  ops: 'Operations Lead',
};

/** What each role-holder is expected to do; sent to them by DM when they take the role. */
export const roleChecklists: Record<Role, readonly string[]> = {
  commander: [
    'Confirm the severity and keep the status current',
    'Make sure every role is filled; delegate, do not fix things yourself',
    'Decide on mitigation and say so in the channel',
    'Set the next update time and hold people to it',
    'Resolve only when customer impact has ended',
  ],
  comms: [
    'Post a stakeholder update at the cadence of the severity',
    'Keep customer-facing wording free of internal detail',
    'Tell support and account teams what to say',
    'Announce resolution and the postmortem date',
  ],
  scribe: [
    'Record decisions, hypotheses and actions with /incident note',
    'Pin the messages that mark key moments',
    'Note timestamps of detection, mitigation and resolution',
    'Keep the timeline blameless: systems and conditions, not people',
  ],
  ops: [
    'Lead the technical investigation and mitigation',
    'Say what you are about to change before you change it',
    'Bring in the experts of the affected services',
    'Report when the fix is deployed and how it is verified',
  ],
};

const aliases: Record<string, Role> = {
  commander: 'commander', ic: 'commander', lead: 'commander', 'incident-commander': 'commander',
  comms: 'comms', communications: 'comms', 'comms-lead': 'comms', cl: 'comms',
  scribe: 'scribe', notes: 'scribe',
  ops: 'ops', operations: 'ops', 'ops-lead': 'ops', ol: 'ops',
};

export const parseRole = (value: string): Role | undefined => {
  const key = value.trim().toLowerCase();
  return Object.hasOwn(aliases, key) ? aliases[key] : undefined;
};

/** Who held a role, from when to when (endedAt null: still holds it). */
export interface RoleTenure {
  role: Role;
  userId: string;
  assignedBy: string;
  startedAt: number;
  endedAt: number | null;
}
