import { adminRoutesOf, GROUPS, routesOf } from '@contract';
import { seriousViolations } from './fixtures/axe';
import { SEEDED_USERS } from './fixtures/environment';
import { openUser } from './fixtures/people';
import { expect, test, uniqueEmail } from './fixtures/test';

test.describe('roles', () => {
  test('support staff reset a password and disable a user, and are offered nothing more', async ({
    app,
    operator,
  }) => {
    const helpdesk = await operator.createMfaUser('helpdesk', [GROUPS.helpdesk.name]);
    const email = uniqueEmail('customer');
    await operator.createUser({ email, password: 'Customer-Passw0rd!', groups: ['general'] });
    await app.goto();
    await app.signedInAs(helpdesk);
    await expect(app.actingRole(GROUPS.helpdesk.roleName)).toBeVisible();
    for (const screen of ['Users', 'Groups', 'Audit log']) {
      await expect(app.navLink(screen)).toBeVisible();
    }
    await expect(app.navLink('Announcements')).toHaveCount(0);

    await openUser(app, email);
    await expect(app.page.getByRole('button', { name: 'Invite user' })).toHaveCount(0);
    await expect(app.page.getByRole('button', { name: 'Add to group' })).toHaveCount(0);
    await expect(app.page.getByRole('button', { name: /^Remove from / })).toHaveCount(0);
    await app.page.getByRole('button', { name: 'Actions', exact: true }).click();
    const items = app.page.getByRole('menuitem');
    await expect(items).toHaveText(['Disable user', 'Reset password', 'Reset MFA']);
    await app.page.keyboard.press('Escape');

    await app.chooseAction('Reset password');
    await app.confirmButton('Reset password').click();
    await expect(
      app.flash(`The password of ${email} is reset; they have been sent a code.`),
    ).toBeVisible();
    await app.chooseAction('Disable user');
    await app.confirmButton('Disable user').click();
    await expect(app.flash(`${email} is disabled.`)).toBeVisible();

    // An address the role may not use explains itself, with nothing to switch to.
    await app.goto('/admin/announcements');
    await expect(app.heading('Your role cannot open this page')).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Switch role', exact: true })).toHaveCount(0);

    // Forced through the API, the rest is refused with IAM's words, as the contract says.
    await app.navLink('Access').click();
    const allowed = adminRoutesOf(GROUPS.helpdesk.name).length;
    await expect(app.probeSummary()).toHaveText(
      `Allowed ${allowed} of ${routesOf('admin').length} admin routes.`,
    );
    const probe = app.page.getByRole('table', {
      name: 'Admin routes and whether your role may call them',
    });
    const row = (route: string) => probe.getByRole('row').filter({ hasText: route });
    await expect(row('Delete a user')).toContainText('DeniedMay not call');
    await expect(row('Add to a group')).toContainText('DeniedMay not call');
    await expect(row('Disable a user')).toContainText('AllowedMay call');
    await expect(
      app.page.getByText(/is not authorized to perform: execute-api:Invoke/).first(),
    ).toBeAttached();
  });

  test('an administrator starts as general, switches to admin with a fresh code for an invite, and back', async ({
    app,
    operator,
  }) => {
    const administrator = await operator.createMfaUser('switcher', [
      GROUPS.admin.name,
      GROUPS.general.name,
    ]);
    await app.goto();
    await app.signedInAs(administrator);
    await expect(app.actingRole(GROUPS.general.roleName)).toBeVisible();
    await expect(app.navLink('Users')).toHaveCount(0);
    // An admin address says which role it needs, and offers it; both pass axe.
    await app.goto('/admin/users');
    await expect(app.heading('Your role cannot open this page')).toBeVisible();
    expect(await seriousViolations(app.page), 'role guard').toEqual([]);
    await app.page.getByRole('button', { name: 'Switch role', exact: true }).click();
    await expect(app.page.getByRole('dialog', { name: 'Switch role' })).toBeVisible();
    expect(await seriousViolations(app.page, '[role="dialog"]'), 'switch role dialog').toEqual([]);
    await app.page.keyboard.press('Escape');

    await app.switchRole(GROUPS.admin.roleName, administrator);
    await expect(app.flash(new RegExp(`You act as ${GROUPS.admin.roleName} until`))).toBeVisible();
    await app.navLink('Users').click();
    const invitee = uniqueEmail('switched');
    await app.invite(invitee);
    await expect(app.flash(`Invitation sent to ${invitee}`)).toBeVisible();

    await app.switchRole(GROUPS.general.roleName);
    await expect(app.flash(`You now act as ${GROUPS.general.roleName}.`)).toBeVisible();
    await expect(app.navLink('Users')).toHaveCount(0);
    // The admin API refuses what the console holds now: the general role's credentials.
    await expect(await app.myAccess('Role')).toHaveText(
      new RegExp(`:role/${GROUPS.general.roleName}$`),
    );
    await expect(app.probeSummary()).toHaveText(
      `Allowed 0 of ${routesOf('admin').length} admin routes.`,
    );
  });

  test('the identity pool refuses a role the sign-in does not carry (a forged CustomRoleArn)', async ({
    operator,
  }) => {
    const forged = (ownRole: string) =>
      ownRole.replace(GROUPS.general.roleName, GROUPS.admin.roleName);
    await expect(operator.credentialsForRole(SEEDED_USERS.user, forged)).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    // Its own role is given.
    await expect(operator.credentialsForRole(SEEDED_USERS.user, (own) => own)).resolves.toMatch(
      /^ASIA/,
    );
  });
});
