import { GROUPS } from '@contract';
import { DEPLOYED_SITE_URL, NEEDS_LOCAL_STACK, SEEDED_USERS } from './fixtures/environment';
import { OwnStack } from './fixtures/own-stack';
import { expect, test } from './fixtures/test';
import { ConsolePage } from './pages/console-page';

test.describe('faults', () => {
  test('offline and back: the console says so, and the read waiting for it goes on', async ({
    app,
    admin,
    context,
  }) => {
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await expect(app.usersTable()).toBeVisible();

    await context.setOffline(true);
    await expect(app.status.filter({ hasText: 'You are offline.' })).toBeVisible();
    await app.filterUsers('user@', { waitForMatches: false });
    await expect(app.status.filter({ hasText: 'Waiting for the connection…' })).toBeVisible();

    await context.setOffline(false);
    await expect(app.status.filter({ hasText: 'You are offline.' })).toHaveCount(0);
    await expect(app.usersTable().getByRole('link')).toHaveText([SEEDED_USERS.user.email]);
    await expect(app.alert).toHaveCount(0);
  });

  test('the stack restarts mid-session: state survives, and the console carries on signed in', async ({
    browser,
  }) => {
    test.skip(!!DEPLOYED_SITE_URL, NEEDS_LOCAL_STACK);
    test.slow();
    const stack = new OwnStack();
    await stack.start();
    const context = await browser.newContext({ baseURL: stack.url });
    const app = new ConsolePage(await context.newPage());
    try {
      await app.goto('/admin/users');
      // This stack's seeded administrator has no authenticator app yet: the console sends
      // them to set one up first (and the restart below must keep it). Also in general, they
      // then act as general, and switch to the admin role with a fresh code.
      await app.signInAs(SEEDED_USERS.admin);
      const totpSecret = await app.setUpAuthenticator(SEEDED_USERS.admin);
      await expect(app.heading('Your role cannot open this page')).toBeVisible();
      await app.switchRole(GROUPS.admin.roleName, { ...SEEDED_USERS.admin, totpSecret });
      await expect(app.usersTable()).toBeVisible();

      await stack.stop();
      // A read fails once its retries are spent, and says what to do.
      await app.filterUsers('user@', { waitForMatches: false });
      await expect(app.alert).toContainText('Could not reach the API.');
      // A screen whose code was never downloaded says so too.
      await app.navLink('Groups').click();
      await expect(app.alert).toContainText('This screen could not be downloaded.', {
        timeout: 15_000,
      });

      await stack.start();
      await app.page.getByRole('button', { name: 'Try again' }).click();
      await expect(app.page.getByRole('table', { name: 'User pool groups' })).toBeVisible();
      await app.navLink('Users').click();
      await app.filterUsers('user@');
      await expect(app.usersTable().getByRole('link')).toHaveText([SEEDED_USERS.user.email]);

      // A reload restores the session from the restarted stack: no new sign-in.
      await app.page.reload();
      await expect(app.usersTable()).toBeVisible();
      await expect(app.signInButton).toHaveCount(0);
    } finally {
      await context.close();
      await stack.stop();
    }
  });
});

test.describe('hostile input renders as text', () => {
  const script = `<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>`;

  test('in an announcement and a display name', async ({ app, admin, browser, baseURL }) => {
    await app.goto('/admin/announcements');
    await app.signedInAs(admin);
    await app.page.getByRole('textbox', { name: 'Title', exact: true }).fill(`Title ${script}`);
    await app.page.getByRole('textbox', { name: 'Text', exact: true }).fill(`Body ${script}`);
    await app.page.getByRole('button', { name: 'Post announcement' }).click();
    await expect(app.flash('Announcement posted.')).toBeVisible();

    const readerContext = await browser.newContext({ baseURL });
    const reader = new ConsolePage(await readerContext.newPage());
    await reader.goto();
    await reader.signedInAs(SEEDED_USERS.user);
    const article = reader.page.getByRole('article', { name: `Title ${script}` });
    await expect(article).toContainText(`Body ${script}`);
    await expect(article.locator('img, script')).toHaveCount(0);

    await reader.navLink('Profile').click();
    // Display names are at most 60 characters.
    const shortScript = `<img src=x onerror="window.__injected=3">`;
    await reader.page.getByLabel('Display name').fill(shortScript);
    await reader.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(reader.flash('Profile saved.')).toBeVisible();
    await reader.page.reload();
    await expect(reader.page.getByLabel('Display name')).toHaveValue(shortScript);
    expect(
      await reader.page.evaluate(() => (window as { __injected?: number }).__injected),
    ).toBeUndefined();
    expect(
      await app.page.evaluate(() => (window as { __injected?: number }).__injected),
    ).toBeUndefined();
    await readerContext.close();
  });
});
