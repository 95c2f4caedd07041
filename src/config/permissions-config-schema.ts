import { z } from 'zod';
import { actionWords, incidentActions, restrictedActions, type Grantee, type PermissionsConfig, type RestrictedAction } from '../domain/permissions/permissions.js';
import { strict } from './schema-parts.js';

// The permissions section of the configuration file (snake_case), and what it becomes.

const granteeHint = 'must be a Slack user id (U…), a user group id (S…), everyone or incident_roles';

const grantee = z.string({ error: granteeHint }).transform((value, context): Grantee => {
  if (value === 'everyone') return { kind: 'everyone' };
  if (value === 'incident_roles') return { kind: 'incident_roles' };
  if (/^[UW][A-Z0-9]{2,}$/.test(value)) return { kind: 'user', id: value };
  if (/^S[A-Z0-9]{2,}$/.test(value)) return { kind: 'usergroup', id: value };
  context.addIssue({ code: 'custom', message: granteeHint, input: value });
  return z.NEVER;
});

const grantees = z.array(grantee, { error: 'must be a list' });

const onlyForIncidents = (list: Grantee[] | null | undefined, context: z.RefinementCtx, key: string) => {
  const at = (list ?? []).findIndex((entry) => entry.kind === 'incident_roles');
  if (at >= 0) context.addIssue({ code: 'custom', path: [key, at], message: `incident_roles only works for actions about one incident (${incidentActions.join(', ')})` });
};

const actionKeys = Object.fromEntries(restrictedActions.map((action) => [action, grantees.nullish()])) as Record<RestrictedAction, z.ZodOptional<z.ZodNullable<typeof grantees>>>;

export const permissionsSection = {
  permissions: strict({ admins: grantees.nullish(), ...actionKeys })
    .superRefine((file, context) => {
      onlyForIncidents(file.admins, context, 'admins');
      for (const action of restrictedActions) {
        if (!incidentActions.includes(action)) onlyForIncidents(file[action], context, action);
        if (file[action]?.length === 0 && !file.admins?.length) {
          context.addIssue({ code: 'custom', path: [action], message: `nobody could ${actionWords[action]}: name who may, or leave ${action} out to let everyone` });
        }
      }
    })
    .nullish(),
};

type PermissionsSection = z.infer<z.ZodObject<typeof permissionsSection>>;

export const toPermissionsConfig = (file: PermissionsSection): { permissions: PermissionsConfig } => ({
  permissions: {
    admins: file.permissions?.admins ?? [],
    actions: Object.fromEntries(restrictedActions.flatMap((action) => (file.permissions?.[action] ? [[action, file.permissions[action]]] : []))),
  },
});
