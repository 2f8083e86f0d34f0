import { nextTotpCode, totpCode } from '../infra/local/testing/totp';
import { openUser, person } from './fixtures/people';
import { expect, test, uniqueEmail } from './fixtures/test';

/** A six-digit code that is not the authenticator's (its digits shifted by one). */
const wrong = (code: string) => [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');

test.describe('an authenticator app (TOTP)', () => {
  test('a general user turns it on from Profile, and from then on signs in with its code', async ({
    app,
    operator,
  }) => {
    const email = uniqueEmail('totp');
    const password = 'Totp-User-Passw0rd!';
    await operator.createUser({ email, password, groups: ['general'] });
    await app.goto('/profile');
    await app.signedInAs({ email, password });
    await app.page.getByRole('link', { name: 'Security' }).click();
    await expect(app.heading('Security')).toBeVisible();
    const totpSecret = await app.setUpAuthenticator();
    await expect(
      app.flash('Your authenticator app is on. Each sign-in now asks for its code.'),
    ).toBeVisible();

    await app.signOut();
    await app.signIn(email, password);
    await expect(app.heading('Enter your authentication code')).toBeVisible();
    await app.enterTotpCode(wrong(totpCode(totpSecret)));
    await expect(app.alert).toHaveText(
      'The code is wrong or was already used. Enter the newest code your authenticator app shows.',
    );
    await app.enterTotpCode(await nextTotpCode(totpSecret));
    await expect(app.userMenuOf(email)).toBeVisible();
  });

  test('an administrator without one is sent to set it up, and only then reaches Users', async ({
    app,
    operator,
  }) => {
    const email = uniqueEmail('new-admin');
    const password = 'New-Admin-Passw0rd!';
    await operator.createUser({ email, password, groups: ['admin'] });
    await app.goto('/admin/users');
    await app.signInAs({ email, password });
    await expect(app.heading('Security')).toBeVisible();
    await expect(
      app.page.getByText(/Set up an authenticator app to use admin features/),
    ).toBeVisible();
    await expect(app.usersTable()).toHaveCount(0);
    // Setting it up ends every session opened without it: they sign in again, with a code.
    await app.setUpAuthenticator({ email, password });
    await expect(app.heading('Users')).toBeVisible();
    await expect(app.usersTable()).toBeVisible();
  });

  test('an administrator resets a user’s, who then signs in with a password alone; audited once', async ({
    app,
    admin,
    operator,
    browser,
    baseURL,
  }) => {
    const target = await operator.createMfaUser('lost-phone', ['general']);
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await openUser(app, target.email);
    await app.chooseAction('Reset MFA');
    await app.confirmButton('Reset MFA').click();
    await expect(
      app.flash(
        `The authenticator app of ${target.email} is turned off, and they are signed out everywhere.`,
      ),
    ).toBeVisible();

    const them = await person(browser, baseURL);
    await them.goto();
    await them.signedInAs({ email: target.email, password: target.password });
    await expect(them.heading('Home')).toBeVisible();
    await them.done();

    const log = await app.auditLogOf(admin.email);
    await expect(
      log.getByRole('row').filter({ hasText: 'Reset MFA' }).filter({ hasText: target.email }),
    ).toHaveCount(1);
  });
});
