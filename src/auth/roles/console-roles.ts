import { actingRole } from './acting-role';
import { createPendingSwitchStore } from './pending-switch';
import { createRoleChoiceStore } from './role-choice';
import { createRoleCredentialsProvider } from './role-credentials-provider';

/** This tab's role choice (sessionStorage: a switch never spreads to another tab). */
export const roleChoices = createRoleChoiceStore(
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
);

/** A switch to a more privileged role waiting for the fresh sign-in it needs. */
export const pendingSwitches = createPendingSwitchStore(
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
);

/** The role the console acts as for the token's roles, as of now. */
export const consoleActingRole = (tokenRoles: readonly string[]) =>
  actingRole(tokenRoles, roleChoices.current(Date.now())?.roleArn);

/** The SPA's credentials provider: credentials for `consoleActingRole`. */
export const consoleRoleCredentials = createRoleCredentialsProvider(consoleActingRole);
