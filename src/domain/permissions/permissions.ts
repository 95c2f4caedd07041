/**
 * Who may do the few things that reach customers or hold pages. Everything else (declaring, updating
 * status, paging, notes …) stays open to everyone: an incident tool that makes people ask first gets
 * incidents hidden.
 */
export const restrictedActions = ['publish', 'maintenance', 'silence', 'cancel'] as const;
export type RestrictedAction = (typeof restrictedActions)[number];

/** What the refusal and the documentation say each action is. */
export const actionWords: Record<RestrictedAction, string> = {
  publish: 'publish to the public status page',
  maintenance: 'schedule or cancel maintenance windows',
  silence: 'create or expire alert silences',
  cancel: 'cancel an incident',
};

/** The actions about one incident, where its role holders can be granted them. */
export const incidentActions: readonly RestrictedAction[] = ['publish', 'cancel'];

export type Grantee = { kind: 'everyone' } | { kind: 'incident_roles' } | { kind: 'user'; id: string } | { kind: 'usergroup'; id: string };

export interface PermissionsConfig {
  /** May do every restricted action. */
  admins: Grantee[];
  /** Who may do each action; an action left out is open to everyone. */
  actions: Partial<Record<RestrictedAction, Grantee[]>>;
}

export const openPermissions = (): PermissionsConfig => ({ admins: [], actions: {} });

/** The members of a Slack user group as last read, or undefined when they have not been read yet. */
export type GroupMembers = (groupId: string) => ReadonlySet<string> | undefined;

export interface Asking {
  actorId: string;
  /** The role holders of the incident the action is about; none when it is about no incident. */
  roleHolders: readonly string[];
  members: GroupMembers;
}

export type Verdict = { allowed: true } | { allowed: false; reason: string };

const grants = (grantee: Grantee, asking: Asking): boolean | undefined => {
  switch (grantee.kind) {
    case 'everyone':
      return true;
    case 'user':
      return grantee.id === asking.actorId;
    case 'incident_roles':
      return asking.roleHolders.includes(asking.actorId);
    case 'usergroup': {
      const members = asking.members(grantee.id);
      return members === undefined ? undefined : members.has(asking.actorId);
    }
  }
};

const granteeWords = (grantee: Grantee): string => {
  switch (grantee.kind) {
    case 'everyone':
      return 'everyone';
    case 'user':
      return `<@${grantee.id}>`;
    case 'incident_roles':
      return "the incident's role holders";
    case 'usergroup':
      return `members of user group \`${grantee.id}\``;
  }
};

const either = (words: string[]): string => (words.length <= 1 ? (words[0] ?? 'nobody') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/**
 * Whether `asking.actorId` may do `action`. A refusal says who may; when a user group that might
 * grant it has never been read from Slack, it says that instead, since the answer is not known.
 */
export const decide = (config: PermissionsConfig, action: RestrictedAction, asking: Asking): Verdict => {
  const granted = config.actions[action];
  if (!granted) return { allowed: true };
  // Groups last: someone a user id or a role lets through does not wait on Slack for a group.
  const grantees = [...config.admins, ...granted].sort((a, b) => Number(a.kind === 'usergroup') - Number(b.kind === 'usergroup'));
  const answers: { grantee: Grantee; answer: boolean | undefined }[] = [];
  for (const grantee of grantees) {
    const answer = grants(grantee, asking);
    if (answer === true) return { allowed: true };
    answers.push({ grantee, answer });
  }
  const unread = answers.find(({ answer }) => answer === undefined);
  if (unread) {
    return {
      allowed: false,
      reason: `I could not read the members of user group \`${(unread.grantee as { id: string }).id}\` from Slack yet, so I cannot tell whether you may ${actionWords[action]}. Try again in a minute.`,
    };
  }
  const admins = config.admins.length > 0 ? ` (admins may too: ${either(config.admins.map(granteeWords))})` : '';
  return { allowed: false, reason: `Only ${either(granted.map(granteeWords))} may ${actionWords[action]}${admins}.` };
};

/** Every user group the configuration names: the ones whose members the bot keeps. */
export const namedGroups = (config: PermissionsConfig): string[] => [
  ...new Set(
    [...config.admins, ...Object.values(config.actions).flat()].flatMap((grantee) => (grantee.kind === 'usergroup' ? [grantee.id] : [])),
  ),
];
