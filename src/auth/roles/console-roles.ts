import { actingRole } from './acting-role';
import { createPendingSwitchStore } from './pending-switch';
import { createRoleChoiceStore } from './role-choice';
import { createRoleCredentialsProvider, type TokenRoles } from './role-credentials-provider';

/** This tab's role choice (sessionStorage: a switch never spreads to another tab). */
export const roleChoices = createRoleChoiceStore(
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
);

/** A switch to a more privileged role waiting for the fresh sign-in it needs. */
export const pendingSwitches = createPendingSwitchStore(
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
);

/** The role the console acts as for the token's roles and user, as of now. */
export const consoleActingRole = ({ roles, sub }: TokenRoles) =>
  actingRole(roles, roleChoices.current(sub, Date.now())?.roleArn);

/** The SPA's credentials provider: credentials for `consoleActingRole`. */
export const consoleRoleCredentials = createRoleCredentialsProvider(consoleActingRole);
