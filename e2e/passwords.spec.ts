import { expect, test, uniqueEmail } from './fixtures/test';

test.describe('passwords', () => {
  test('forgot password: the code from the e-mail and a new password', async ({
    app,
    operator,
    page,
  }) => {
    const email = uniqueEmail('forgot');
    await operator.createUser({ email, password: 'Old-Passw0rd!', groups: ['general'] });
    await app.goto();
    await app.email.fill(email);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(app.heading('Reset your password')).toBeVisible();
    await expect(app.email).toHaveValue(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(app.status).toContainText('We sent a code to');

    const code = (await operator.latestMessage(email, 'reset-code')).secret;
    const codeField = page.getByLabel('Verification code');
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await app.newPassword.fill('New-Passw0rd!');
    await app.confirmNewPassword.fill('New-Passw0rd!');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(app.alert).toHaveText(
      'The verification code is wrong. Check the latest message and try again.',
    );

    await codeField.fill(code);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(app.status).toHaveText('Your password has been reset. Sign in with the new one.');
    await expect(app.email).toHaveValue(email);

    await app.signIn(email, 'Old-Passw0rd!');
    await expect(app.alert).toHaveText('The email or password is incorrect.');
    await app.signedInAs({ email, password: 'New-Passw0rd!' });
  });

  test('change password while signed in', async ({ app, operator, page }) => {
    const email = uniqueEmail('change');
    await operator.createUser({ email, password: 'First-Passw0rd!', groups: ['general'] });
    await app.goto();
    await app.signedInAs({ email, password: 'First-Passw0rd!' });
    await app.navLink('Profile').click();
    await page.getByRole('link', { name: 'Change password' }).click();

    const current = page.getByLabel('Current password');
    const submit = page.getByRole('button', { name: 'Change password' });
    await current.fill('Not-My-Passw0rd!');
    await app.newPassword.fill('Second-Passw0rd!');
    await app.confirmNewPassword.fill('Second-Passw0rd!');
    await submit.click();
    await expect(app.alert).toHaveText('The current password is incorrect.');
    // What was typed is kept after a failure.
    await expect(app.newPassword).toHaveValue('Second-Passw0rd!');

    await current.fill('First-Passw0rd!');
    await submit.click();
    await expect(app.flash('Your password has been changed.')).toBeVisible();

    await app.signOut();
    await app.signIn(email, 'First-Passw0rd!');
    await expect(app.alert).toHaveText('The email or password is incorrect.');
    await app.signedInAs({ email, password: 'Second-Passw0rd!' });
  });
});
