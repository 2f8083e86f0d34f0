import { GROUPS } from '@contract';
import { allAuditEntries } from './fixtures/audit-entries';
import { openUser, person } from './fixtures/people';
import { expect, test } from './fixtures/test';

/**
 * Admin access ends the moment it is taken away: the identity-pool credentials a demoted
 * administrator's browser holds stay valid for up to an hour, and the API refuses them anyway.
 */
test('an administrator demoted while on the Users screen is refused at once, and cannot refresh', async ({
  app: admin,
  admin: administrator,
  operator,
  browser,
  baseURL,
}) => {
  // Three browsers, and three authenticator codes of the second administrator's (sign-in,
  // switch, sign-in again): the third may wait for the app's next 30-second step.
  test.slow();
  const second = await operator.createMfaUser('second-admin', [
    GROUPS.admin.name,
    GROUPS.general.name,
  ]);
  const { email } = second;

  // The second administrator at their own browser, switched to admin, with Users open.
  const demoted = await person(browser, baseURL);
  await demoted.goto('/admin/users');
  await demoted.signedInAs(second);
  await demoted.switchRole(GROUPS.admin.roleName, second);
  await expect(demoted.usersTable()).toBeVisible();
  const refreshToken = await demoted.storedRefreshToken();

  // The first administrator takes them out of admin.
  await admin.goto('/admin/users');
  await admin.signedInAs(administrator);
  await openUser(admin, email);
  await admin.page.getByRole('button', { name: 'Remove from admin' }).click();
  await admin.confirmButton('Remove').click();
  await expect(admin.flash(`${email} is no longer in admin.`)).toBeVisible();

  // Their next admin action, with the credentials their browser still holds, is refused.
  await demoted.filterUsers('person', { waitForMatches: false });
  await expect(demoted.page.getByRole('alert')).toContainText(
    'Your administrator access was removed; sign in again.',
  );
  // They were signed out everywhere: the refresh token no longer works.
  await expect(operator.refreshWith(refreshToken)).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Refresh Token has been revoked',
  });

  // Signing in again, at a third browser, they get the general role only.
  const again = await person(browser, baseURL);
  await again.goto('/admin/users');
  await again.signedInAs(second);
  await expect(again.heading('Your role cannot open this page')).toBeVisible();
  await expect(again.navLink('Users')).toHaveCount(0);

  // The log shows the demotion once, and nothing done by them afterwards.
  const log = await admin.auditLogOf(administrator.email);
  await expect(
    log
      .getByRole('row')
      .filter({ hasText: 'Remove from a group' })
      .filter({ hasText: `${email} ← admin` }),
  ).toHaveCount(1);
  // Nothing by them, in the whole log (a page of the screen reads only the newest entries).
  expect(await allAuditEntries(await operator.adminClient(), { actor: email })).toEqual([]);
  await demoted.done();
  await again.done();
});
