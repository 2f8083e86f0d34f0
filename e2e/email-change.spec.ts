import { expect, test, uniqueEmail } from './fixtures/test';

test.describe('changing one’s email', () => {
  test('takes effect with the code sent to the new address; until then the old one stays', async ({
    app,
    operator,
    page,
  }) => {
    const email = uniqueEmail('mover');
    const moved = uniqueEmail('moved');
    const password = 'Mover-Passw0rd!';
    await operator.createUser({ email, password, groups: ['general'] });
    await app.goto();
    await app.signedInAs({ email, password });
    await app.navLink('Profile').click();

    const change = page.getByRole('region', { name: 'Change email' });
    await expect(change.getByText(`${email} (verified)`)).toBeVisible();
    const newEmail = change.getByLabel('New email');
    const sendCode = change.getByRole('button', { name: 'Send code' });
    await newEmail.fill('not-an-address');
    await sendCode.click();
    // Cloudscape names the error icon ("Error") before the message.
    await expect(newEmail).toHaveAccessibleDescription(
      /Enter an email such as name@example\.com\.$/,
    );

    await newEmail.fill(moved);
    await sendCode.click();
    // By its words: a re-read of the address may show a "Loading…" status beside it.
    const notice = (start: string) => change.getByRole('status').filter({ hasText: start });
    await expect(notice('We sent')).toHaveText(
      `We sent a verification code to ${moved}. Enter it below to finish. Until then your email stays ${email}, and you sign in with it.`,
    );

    const code = (await operator.latestMessage(moved, 'verification-code')).secret;
    const codeField = change.getByLabel('Verification code');
    const confirm = change.getByRole('button', { name: 'Change email' });
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await confirm.click();
    await expect(codeField).toHaveAccessibleDescription(
      /The verification code is wrong\. Check the latest message and try again\.$/,
    );
    await expect(change.getByText(`${email} (verified)`)).toBeVisible();

    await codeField.fill(code);
    await confirm.click();
    await expect(notice('Your email is now')).toHaveText(
      `Your email is now ${moved}. Sign in with it from now on.`,
    );
    await expect(change.getByText(`${moved} (verified)`)).toBeVisible();
    // The refreshed ID token names the new address: the header and the general API see it.
    await expect(app.userMenuOf(moved)).toBeVisible();
    await expect(
      await app.detail(page.getByRole('region', { name: 'Profile' }), 'Email'),
    ).toHaveText(moved);

    await app.signOut();
    await app.signIn(email, password);
    await expect(app.alert).toHaveText('The email or password is incorrect.');
    await app.signedInAs({ email: moved, password });
  });
});
