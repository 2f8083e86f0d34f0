import { GROUPS } from '@contract';
import { expectedRoleName, SEEDED_USERS, type SeededUser } from './fixtures/environment';
import { expect, test, uniqueEmail } from './fixtures/test';

const IDENTITY_ID = /^ap-northeast-1:[0-9a-f-]{36}$/;
const endsWithRole = (roleName: string) => new RegExp(`:role/${roleName}$`);

test.describe('signing in', () => {
  for (const who of ['an administrator', SEEDED_USERS.user.email] as const) {
    const roleOf = (user: SeededUser) => expectedRoleName(user);
    test(`${who} lands on Home with their group's role credentials`, async ({ app, admin }) => {
      // An administrator signs in with an authenticator app, as the admin API requires.
      const user: SeededUser = who === 'an administrator' ? admin : SEEDED_USERS.user;
      await app.goto();
      await app.signedInAs(user);

      await expect(app.heading('Home')).toBeVisible();
      const groups = (await app.myAccess('Groups')).getByRole('listitem');
      expect((await groups.allTextContents()).sort()).toEqual([...user.groups].sort());
      await expect(await app.myAccess('Role')).toHaveText(endsWithRole(roleOf(user)));
      await expect(await app.myAccess('Identity ID')).toHaveText(IDENTITY_ID);
      await expect(await app.myAccess('Access key')).toHaveText(/^ASIA/);
      await expect(await app.myAccess('Credentials expire')).not.toHaveText('Not obtained');
    });
  }

  test('a wrong password is refused in plain words', async ({ app }) => {
    await app.goto();
    await app.signIn(SEEDED_USERS.admin.email, 'Wrong-Passw0rd!');

    await expect(app.alert).toHaveText('The email or password is incorrect.');
    await expect(app.signInButton).toBeEnabled();
    await expect(app.navigation).toBeHidden();
  });

  test('an invited user sets their own password at first sign-in', async ({ app, operator }) => {
    const email = uniqueEmail('invited');
    await operator.createInvitedUser({
      email,
      temporaryPassword: 'Temporary-Passw0rd!',
      groups: [GROUPS.general.name],
    });
    await app.goto();
    await app.signIn(email, 'Temporary-Passw0rd!');
    await expect(app.heading('Choose a new password')).toBeVisible();

    await app.setNewPassword('Chosen-Passw0rd!', 'Chosen-Passw0rd?');
    await expect(app.alert).toHaveText(
      'The two new passwords are different. Type the same password twice.',
    );
    await app.setNewPassword('chosen-passw0rd!');
    await expect(app.alert).toHaveText('The password needs an uppercase letter.');

    await app.setNewPassword('Chosen-Passw0rd!');
    await expect(app.heading('Home')).toBeVisible();
    await expect(await app.myAccess('Role')).toHaveText(endsWithRole(GROUPS.general.roleName));
  });

  test('a reload keeps you signed in', async ({ app, admin, page }) => {
    await app.goto();
    await app.signedInAs(admin);
    await page.reload();
    await expect(app.heading('Home')).toBeVisible();
    await expect(app.signInButton).toBeHidden();
  });

  test('an address opened while signed out is where sign-in leads', async ({
    app,
    admin,
    page,
  }) => {
    await app.goto('/admin/announcements');
    await expect(app.heading('Sign in')).toBeVisible();
    await app.signedInAs(admin);
    await expect(app.heading('Announcements')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/admin/announcements');
  });
});

test.describe('groups guard the admin screens', () => {
  test('a general user has no admin navigation, and an admin URL says why', async ({ app }) => {
    await app.goto();
    await app.signedInAs(SEEDED_USERS.user);
    await expect(app.navLink('Home')).toBeVisible();
    for (const adminScreen of ['Users', 'Groups', 'Announcements', 'Audit log']) {
      await expect(app.navLink(adminScreen)).toHaveCount(0);
    }

    await app.goto('/admin/users');
    await expect(app.heading('Your role cannot open this page')).toBeVisible();
    await expect(app.refreshAccessButton).toBeVisible();
    await expect(app.heading('Users')).toBeHidden();
  });

  test('an admin sees the admin screens', async ({ app, admin }) => {
    await app.goto();
    await app.signedInAs(admin);
    await app.navLink('Access').click();
    await expect(app.heading('Access')).toBeVisible();
    const whatTheApiSees = app.page.getByRole('region', { name: 'What the admin API sees' });
    await expect(await app.detail(whatTheApiSees, 'Caller')).toHaveText(
      /assumed-role\/ConsoleAdminRole\//,
    );
  });
});

test.describe('signing out', () => {
  test('revokes the refresh token, so it no longer works anywhere', async ({
    app,
    operator,
    page,
  }) => {
    const email = uniqueEmail('sign-out');
    await operator.createUser({ email, password: 'Sign-Out-Passw0rd!', groups: ['general'] });
    await app.goto();
    await app.signedInAs({ email, password: 'Sign-Out-Passw0rd!' });
    const refreshToken = await app.storedRefreshToken();
    await operator.refreshWith(refreshToken); // works while signed in

    await app.signOut();

    await expect(app.status).toHaveText('You have signed out.');
    await expect(app.heading('Sign in')).toBeVisible();
    await expect(operator.refreshWith(refreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    await page.reload();
    await expect(app.heading('Sign in')).toBeVisible();
    await expect(app.navigation).toBeHidden();
  });
});
