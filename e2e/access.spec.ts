import { GROUPS } from '@contract';
import { expect, test, uniqueEmail } from './fixtures/test';

test('a group change applies with "Refresh my access", without signing out', async ({
  app,
  operator,
}) => {
  const email = uniqueEmail('promoted');
  await operator.createUser({ email, password: 'Promoted-Passw0rd!', groups: ['general'] });
  await app.goto();
  await app.signedInAs({ email, password: 'Promoted-Passw0rd!' });
  await app.goto('/admin/users');
  await expect(app.heading('Your role cannot open this page')).toBeVisible();

  await operator.addToGroup(email, GROUPS.admin.name);
  await app.refreshAccessButton.click();

  // An administrator now: first an authenticator app (the admin API requires one); still
  // acting as general, their least privileged role, they switch to admin; then Users.
  await expect(app.heading('Security')).toBeVisible();
  const totpSecret = await app.setUpAuthenticator({ email, password: 'Promoted-Passw0rd!' });
  await app.switchRole(GROUPS.admin.roleName, {
    email,
    password: 'Promoted-Passw0rd!',
    totpSecret,
  });
  await expect(app.heading('Users')).toBeVisible();
  await expect(app.navLink('Users')).toBeVisible();
  await app.navLink('Access').click();
  const whatTheApiSees = app.page.getByRole('region', { name: 'What the admin API sees' });
  await expect(await app.detail(whatTheApiSees, 'Caller')).toHaveText(
    new RegExp(`assumed-role/${GROUPS.admin.roleName}/`),
  );
  // A switch to more rights lasts as long as its credentials: the Role says until when.
  await expect(await app.myAccess('Role')).toHaveText(
    new RegExp(`:role/${GROUPS.admin.roleName} \\(until [^)]+\\)$`),
  );
});
