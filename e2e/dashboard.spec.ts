import { GROUPS, routesOf } from '@contract';
import { nextTotpCode } from '../infra/local/testing/totp';
import { SEEDED_USERS } from './fixtures/environment';
import { expect, test, uniqueEmail } from './fixtures/test';
import { openUser, person } from './fixtures/people';
import { ConsolePage } from './pages/console-page';

const ADMIN_ROUTE_COUNT = routesOf('admin').length;

test.describe('an administrator’s day, and the people it touches', () => {
  test('invite → first sign-in → promotion → refresh → disable → refused, all audited once', async ({
    app: admin,
    admin: administrator,
    operator,
    browser,
    baseURL,
  }) => {
    // Three people, and the invitee's three authenticator codes (set-up, sign-in, switch).
    test.slow();
    const email = uniqueEmail('invitee');
    await admin.goto('/admin/users');
    await admin.signedInAs(administrator);

    // The admin invites them; Cognito mails a temporary password.
    await admin.invite(email);
    await expect(admin.flash(`Invitation sent to ${email}`)).toBeVisible();

    // They sign in with it at their own browser, choose a password and land on Home.
    const invitee = await person(browser, baseURL);
    const { secret: temporaryPassword } = await operator.latestMessage(email, 'temporary-password');
    await invitee.goto();
    await invitee.signIn(email, temporaryPassword);
    await expect(invitee.heading('Choose a new password')).toBeVisible();
    await invitee.setNewPassword('Invitee-Passw0rd!');
    await expect(invitee.heading('Home')).toBeVisible();
    await expect(invitee.navLink('Users')).toHaveCount(0);

    // The admin adds them to admin; "Refresh my access" opens the admin screens to them.
    await openUser(admin, email);
    await admin.choose('Group to add', /^admin/);
    await admin.page.getByRole('button', { name: 'Add to group' }).click();
    await expect(admin.flash(`${email} is now in admin.`)).toBeVisible();
    await invitee.goto('/admin/users');
    await expect(invitee.heading('Your role cannot open this page')).toBeVisible();
    await invitee.refreshAccessButton.click();
    // An administrator now, they must first set up an authenticator app; then, still acting
    // as general (their least privileged role), they switch to admin, and Users opens.
    await expect(invitee.heading('Security')).toBeVisible();
    const totpSecret = await invitee.setUpAuthenticator({ email, password: 'Invitee-Passw0rd!' });
    await expect(invitee.heading('Your role cannot open this page')).toBeVisible();
    await invitee.switchRole(GROUPS.admin.roleName, {
      email,
      password: 'Invitee-Passw0rd!',
      totpSecret,
    });
    await expect(invitee.heading('Users')).toBeVisible();
    await expect(invitee.usersTable()).toBeVisible();
    await expect(invitee.navLink('Audit log')).toBeVisible();

    // The admin disables them (asked first); their next sign-in is refused in plain words.
    await admin.chooseAction('Disable user');
    await expect(admin.page.getByRole('dialog')).toContainText(`Disable ${email}?`);
    await admin.confirmButton('Disable user').click();
    await expect(admin.flash(`${email} is disabled.`)).toBeVisible();
    await invitee.signOut();
    await invitee.signIn(email, 'Invitee-Passw0rd!');
    await expect(invitee.alert).toHaveText(
      'This account is disabled. Ask an administrator to enable it.',
    );

    // An announcement the admin posts is read by a general user at another browser.
    const title = `Maintenance ${Date.now()}`;
    await admin.navLink('Announcements').click();
    await admin.page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await admin.page
      .getByRole('textbox', { name: 'Text', exact: true })
      .fill('The console is read-only on Sunday.');
    await admin.page.getByRole('button', { name: 'Post announcement' }).click();
    await expect(admin.flash('Announcement posted.')).toBeVisible();
    const reader = await person(browser, baseURL);
    await reader.goto();
    await reader.signedInAs(SEEDED_USERS.user);
    await expect(reader.page.getByRole('article', { name: title })).toContainText(
      'The console is read-only on Sunday.',
    );

    // The audit log has each of these actions once.
    const log = await admin.auditLogOf(administrator.email);
    const rowsFor = (action: string, target: string | RegExp) =>
      log.getByRole('row').filter({ hasText: action }).filter({ hasText: target });
    await expect(rowsFor('Invite a user', email)).toHaveCount(1);
    await expect(rowsFor('Add to a group', `${email} → admin`)).toHaveCount(1);
    await expect(rowsFor('Disable a user', email)).toHaveCount(1);
    await expect(rowsFor('Post an announcement', title)).toHaveCount(1);
    await expect(rowsFor('Invite a user', email)).toContainText('Succeeded');
    await invitee.done();
    await reader.done();
  });
});

test.describe('the Users screen', () => {
  test('pages, filters and sorts on the server’s pages', async ({ app, admin, operator }) => {
    const prefix = `paged-${Date.now()}`;
    for (let i = 0; i < 22; i++) {
      await operator.createUser({
        email: `${prefix}-${String(i).padStart(2, '0')}@example.com`,
        password: 'Paged-Passw0rd!',
        groups: ['general'],
      });
    }
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await app.filterUsers(prefix);

    const table = app.usersTable();
    await expect(table).toHaveAccessibleName('Users, page 1');
    await expect(table.getByRole('link')).toHaveCount(20);
    const pages = app.page.getByRole('navigation', { name: 'Users pages' });
    await expect(pages.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await pages.getByRole('button', { name: 'Next page' }).click();
    await expect(app.usersTable()).toHaveAccessibleName('Users, page 2');
    await expect(app.usersTable().getByRole('link')).toHaveCount(2);
    await expect(pages.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await pages.getByRole('button', { name: 'Previous page' }).click();
    await expect(app.usersTable().getByRole('link')).toHaveCount(20);

    // Sorting by e-mail, both ways, says so to assistive tech.
    const emailHeader = table.getByRole('columnheader', { name: 'Email' });
    await table.getByRole('button', { name: 'Sort by Email' }).click();
    await expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
    const ascending = await table.getByRole('link').allTextContents();
    expect(ascending).toEqual([...ascending].sort());
    await table.getByRole('button', { name: 'Sort by Email' }).click();
    await expect(emailHeader).toHaveAttribute('aria-sort', 'descending');
    expect(await table.getByRole('link').allTextContents()).toEqual([...ascending].reverse());

    // A status filter on top of the prefix; an empty result says so.
    await app.choose('Status', 'Disabled');
    await expect(app.page.getByText('No user matches these filters.')).toBeVisible();
    await app.page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(app.page.getByLabel('Email starts with')).toHaveValue('');
  });

  test('a double-clicked invitation creates one user and one audit entry', async ({
    app,
    admin,
    operator,
  }) => {
    const email = uniqueEmail('double');
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await app.invite(email, 'dblclick');
    await expect(app.flash(`Invitation sent to ${email}`)).toBeVisible();
    await expect(app.alert).toHaveCount(0);

    const api = await operator.adminClient();
    expect(
      (await api('listUsers', { query: { attribute: 'email', match: 'exact', value: email } }))
        .users,
    ).toHaveLength(1);
    const { entries } = await api('listAudit', {
      query: { action: 'inviteUser', limit: 100 },
    });
    expect(entries.filter((e) => e.target === email)).toHaveLength(1);
  });

  test('a bad address is caught before anything is sent, and what was typed stays', async ({
    app,
    admin,
  }) => {
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await app.invite('not-an-address');
    const field = app.page.getByRole('dialog').getByLabel('Email', { exact: true });
    await expect(field).toHaveAccessibleDescription(/Enter a valid email address\./);
    await expect(field).toHaveValue('not-an-address');
  });

  test('an existing address is refused in plain words', async ({ app, admin }) => {
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await app.invite(SEEDED_USERS.user.email);
    await expect(app.page.getByRole('dialog').getByRole('alert')).toContainText(
      'A user with this email already exists.',
    );
  });

  test('reset, enable, remove from a group and delete (typed confirmation)', async ({
    app,
    admin,
    operator,
  }) => {
    const email = uniqueEmail('managed');
    await operator.createUser({ email, password: 'Managed-Passw0rd!', groups: ['general'] });
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    await openUser(app, email);

    await app.chooseAction('Reset password');
    await app.confirmButton('Reset password').click();
    await expect(
      app.flash(`The password of ${email} is reset; they have been sent a code.`),
    ).toBeVisible();
    expect((await operator.latestMessage(email, 'reset-code')).secret).toMatch(/^\d+$/);

    await app.page.getByRole('button', { name: 'Remove from general' }).click();
    await app.confirmButton('Remove').click();
    await expect(app.flash(`${email} is no longer in general.`)).toBeVisible();
    await expect(
      app.page.getByRole('table', { name: `Groups of ${email}` }).getByRole('row'),
    ).not.toContainText(['general']);

    await app.chooseAction('Delete user');
    const deleteButton = app.confirmButton('Delete user');
    const typed = app.page.getByRole('dialog').getByLabel(`To confirm, type “${email}”`);
    await expect(deleteButton).toBeDisabled();
    await typed.fill('someone-else@example.com');
    await expect(deleteButton).toBeDisabled();
    await typed.fill(email);
    await deleteButton.click();
    await expect(app.flash(`${email} is deleted.`)).toBeVisible();
    await expect(app.heading('Users')).toBeVisible();
    const api = await operator.adminClient();
    expect(
      (await api('listUsers', { query: { attribute: 'email', match: 'exact', value: email } }))
        .users,
    ).toHaveLength(0);
  });

  test('an administrator cannot disable, delete or demote themself, and is told why', async ({
    app,
    admin,
  }) => {
    await app.goto('/admin/users');
    await app.signedInAs(admin);
    // Pages come in Cognito's order, so other tests' users may push this one off page 1.
    await app.filterUsers(admin.email);
    const ownRow = app.usersTable().getByRole('row').filter({ hasText: admin.email });
    await expect(ownRow).toContainText('(you)');
    await expect(ownRow.getByRole('button')).toHaveCount(0);

    await openUser(app, admin.email);
    await expect(
      app.page.getByText(/This is your own account\. You cannot disable it/),
    ).toBeVisible();
    // Its Actions menu (disable, reset, delete) is off, and says why.
    await expect(app.page.getByRole('button', { name: 'Actions', exact: true })).toBeDisabled();
    await expect(app.page.getByRole('button', { name: 'Remove from admin' })).toBeDisabled();
    await expect(
      app.page.getByRole('button', { name: 'Remove from admin' }),
    ).toHaveAccessibleDescription(
      'You cannot add yourself to a group or remove yourself from admin: ask another administrator.',
    );
  });
});

test.describe('groups, audit and profile', () => {
  test('groups show their role, precedence and members', async ({ app, admin }) => {
    await app.goto('/admin/groups');
    await app.signedInAs(admin);
    const groups = app.page.getByRole('table', { name: 'User pool groups' });
    const adminRow = groups
      .getByRole('row')
      .filter({ has: app.page.getByRole('rowheader', { name: 'admin' }) });
    await expect(adminRow).toContainText('arn:aws:iam::000000000000:role/ConsoleAdminRole');
    await expect(adminRow.getByRole('cell').nth(1)).toHaveText('1');
    await adminRow.getByRole('link', { name: 'admin', exact: true }).click();
    await expect(app.heading('admin')).toBeVisible();
    // Members come in the pool's order, 20 a page, and every test adds administrators: page on
    // to this test's own.
    const members = app.page.getByRole('table', { name: 'Members of admin' });
    await expect(members.getByRole('link').first()).toBeVisible();
    while (!(await members.getByRole('link', { name: admin.email }).isVisible())) {
      const shown = await members.getByRole('link').allTextContents();
      const next = app.page.getByRole('button', { name: 'Next page' });
      await expect(next, `${admin.email} on none of the pages`).toBeEnabled();
      await next.click();
      await expect(members.getByRole('link')).not.toHaveText(shown);
    }
  });

  test('the audit log filters by actor and action', async ({ app, admin, operator }) => {
    const email = uniqueEmail('audited');
    const api = await operator.adminClient();
    await api('inviteUser', { body: { email, groups: ['general'] } });
    await api('disableUser', { params: { username: email } });
    await app.goto('/admin/audit');
    await app.signedInAs(admin);
    await app.choose('Action', 'Disable a user');
    await app.page.getByLabel('Actor').fill(api.email);
    await app.page.getByRole('button', { name: 'Filter', exact: true }).click();
    const log = app.page.getByRole('table', { name: /^Admin actions, newest first/ });
    await expect(log.getByRole('row').nth(1)).toContainText(email);
    // Every row but the header is a disable by this admin.
    await expect(log.getByRole('row').filter({ hasNotText: 'Disable a user' })).toHaveCount(1);
    await expect(log.getByRole('row').filter({ hasNotText: api.email })).toHaveCount(1);
  });

  test('a profile save that lost a race with another tab says so and shows the newer values', async ({
    app,
    operator,
  }) => {
    const email = uniqueEmail('profile');
    await operator.createUser({ email, password: 'Profile-Passw0rd!', groups: ['general'] });
    await app.goto('/profile');
    await app.signedInAs({ email, password: 'Profile-Passw0rd!' });
    const otherTab = new ConsolePage(await app.page.context().newPage());
    await otherTab.goto('/profile');

    await expect(app.page.getByLabel('Display name')).toBeEditable();
    await expect(otherTab.page.getByLabel('Display name')).toBeEditable();
    await otherTab.page.getByLabel('Display name').fill('Written in the other tab');
    await otherTab.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(otherTab.flash('Profile saved.')).toBeVisible();

    await app.page.getByLabel('Display name').fill('Written here');
    await app.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(app.alert).toContainText('changed in another tab or device');
    await expect(app.page.getByLabel('Display name')).toHaveValue('Written in the other tab');
    // Saving again from the newer version works.
    await app.page.getByLabel('Display name').fill('Written here');
    await app.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(app.flash('Profile saved.')).toBeVisible();

    // The language saved in the profile is the console's language from then on.
    await app.page
      .getByRole('region', { name: 'Profile' })
      .getByRole('button', { name: /^Language/ })
      .click();
    await app.page.getByRole('option', { name: '日本語' }).click();
    await app.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(app.page.getByRole('heading', { name: 'プロフィール' })).toBeVisible();
  });
});

test.describe('the Access screen', () => {
  test('a general user’s signed calls to admin routes are refused 403, and it explains why', async ({
    app,
  }) => {
    await app.goto('/access');
    await app.signedInAs(SEEDED_USERS.user);
    await expect(app.probeSummary()).toHaveText(`Allowed 0 of ${ADMIN_ROUTE_COUNT} admin routes.`);
    const probe = app.page.getByRole('table', {
      name: 'Admin routes and whether your role may call them',
    });
    const listUsers = probe.getByRole('row').filter({ hasText: 'GET /admin/users' }).first();
    await expect(listUsers).toContainText('Denied');
    // The API's own words, once per route, folded away until asked for.
    await app.page
      .getByRole('button', { name: /^The API’s answer on each route it did not allow/ })
      .click();
    const answers = app.page.getByRole('table', {
      name: 'The API’s answer on each admin route it did not allow',
    });
    await expect(
      answers.getByRole('row').filter({ hasText: 'GET /admin/users' }).first(),
    ).toContainText(
      /User: arn:aws:sts::000000000000:assumed-role\/ConsoleGeneralRole\/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:\*+0000:\w+\/local\/GET\/admin\/users/,
    );
    const region = app.page.getByRole('region', { name: 'What you may call' });
    await expect(region).toContainText('Your IAM role may not call this route.');
    await expect(
      app.page.getByRole('region', { name: 'What the admin API sees' }).getByRole('status'),
    ).toContainText('The admin API does not let your role in');
    await expect(await app.myAccess('Role')).toHaveText(/:role\/ConsoleGeneralRole$/);
  });

  test('an administrator may call every admin route, and sees the credentials count down', async ({
    app,
    admin,
  }) => {
    await app.goto('/access');
    await app.signedInAs(admin);
    await expect(app.probeSummary()).toHaveText(
      `Allowed ${ADMIN_ROUTE_COUNT} of ${ADMIN_ROUTE_COUNT} admin routes.`,
    );
    const expiry = await app.myAccess('Credentials expire');
    const first = await expiry.textContent();
    await expect(expiry).toContainText(/\(in \d+:\d\d:\d\d\)/);
    await expect(expiry).not.toHaveText(first ?? '');
  });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('sign-in and the Users screen', async ({ app, admin }) => {
    await app.goto('/admin/users');
    await app.page.getByLabel('メールアドレス', { exact: true }).fill(admin.email);
    await app.page.getByLabel('パスワード', { exact: true }).fill(admin.password);
    await app.page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await app.page
      .getByRole('textbox', { name: '認証コード' })
      .fill(await nextTotpCode(admin.totpSecret));
    await app.page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(app.page.getByRole('heading', { name: /^ユーザー/, level: 1 })).toBeVisible();
    await expect(app.page.getByRole('table', { name: 'ユーザー（1 ページ目）' })).toBeVisible();
    await app.page.getByRole('button', { name: 'メールアドレスで並べ替え' }).click();
    await app.page.getByRole('button', { name: 'ユーザーを招待' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByLabel('メールアドレス', { exact: true }).fill('bad');
    await dialog.getByRole('button', { name: '招待を送信' }).click();
    await expect(dialog.getByLabel('メールアドレス', { exact: true })).toHaveAccessibleDescription(
      /有効なメールアドレスを入力してください。/,
    );
    await expect(
      app.page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '監査ログ' }),
    ).toBeVisible();
  });
});
