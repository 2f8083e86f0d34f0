import { expect, test } from '@playwright/test';
import { GROUPS } from '../src/contract';
import { expectedRoleName, SEEDED_USERS, type SeededUser } from './fixtures/environment';
import { createUserWithTemporaryPassword } from './fixtures/userPoolAdmin';
import { ConsolePage } from './pages/ConsolePage';

const IDENTITY_ID = /^ap-northeast-1:[0-9a-f-]{36}$/;

function endsWithRole(roleName: string): RegExp {
  return new RegExp(`:role/${roleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

async function expectSignedInAs(app: ConsolePage, user: SeededUser): Promise<void> {
  await expect(app.signedIn).toBeVisible();
  await expect(await app.detail('Email')).toHaveText(user.email);
  const groups = await app.groups();
  await expect(groups).toHaveCount(user.groups.length);
  expect((await groups.allTextContents()).sort()).toEqual([...user.groups].sort());
  await expect(await app.detail('Role')).toHaveText(endsWithRole(expectedRoleName(user)));
  await expect(await app.detail('Identity ID')).toHaveText(IDENTITY_ID);
  await expect(await app.detail('Access key')).toHaveText(/^ASIA/);
  await expect(await app.detail('Credentials expire')).not.toHaveText('Not obtained');
}

test.describe('sign-in', () => {
  let app: ConsolePage;

  test.beforeEach(async ({ page }) => {
    app = new ConsolePage(page);
    await app.goto();
  });

  for (const user of Object.values(SEEDED_USERS)) {
    test(`${user.email} signs in and gets ${expectedRoleName(user)} credentials`, async () => {
      await app.signInAs(user);
      await expectSignedInAs(app, user);
    });
  }

  test('a wrong password is refused in plain words', async () => {
    await app.signIn(SEEDED_USERS.admin.email, 'Wrong-Passw0rd!');

    await expect(app.alert).toHaveText('Incorrect username or password.');
    await expect(app.signedIn).toBeHidden();
    await expect(app.signInButton).toBeEnabled();
  });

  test('a user created by an administrator chooses a new password at first sign-in', async ({
    request,
  }) => {
    const user: SeededUser = {
      email: `new-user-${Date.now()}@example.com`,
      password: 'Chosen-Passw0rd!',
      groups: [GROUPS.general.name],
    };
    await createUserWithTemporaryPassword(request, {
      email: user.email,
      temporaryPassword: 'Temporary-Passw0rd!',
      groups: user.groups,
    });

    await app.signIn(user.email, 'Temporary-Passw0rd!');
    await expect(app.newPassword).toBeVisible();
    await app.setNewPassword(user.password);

    await expectSignedInAs(app, user);
  });

  test('sign out returns to the form, also after a reload', async ({ page }) => {
    await app.signInAs(SEEDED_USERS.user);
    await expect(app.signedIn).toBeVisible();

    await app.signOutButton.click();

    await expect(app.signInButton).toBeVisible();
    await expect(app.email).toBeVisible();
    await expect(app.signedIn).toBeHidden();

    await page.reload();
    await expect(app.signInButton).toBeVisible();
    await expect(app.signedIn).toBeHidden();
  });

  test('a reload keeps you signed in', async ({ page }) => {
    await app.signInAs(SEEDED_USERS.admin);
    await expect(app.signedIn).toBeVisible();

    await page.reload();

    await expectSignedInAs(app, SEEDED_USERS.admin);
    await expect(app.signInButton).toBeHidden();
  });
});
