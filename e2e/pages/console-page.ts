import { expect, type Locator, type Page } from '@playwright/test';
import { nextTotpCode } from '../../infra/local/testing/totp';
import type { SeededUser } from '../fixtures/environment';

/** Who signs in: an e-mail and password, and the secret of their authenticator app if any. */
export type SignInUser = Pick<SeededUser, 'email' | 'password'> & { totpSecret?: string };

/** The console as a person finds their way around it: by roles, labels and names (English). */
export class ConsolePage {
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  /** The top bar's menu of the signed-in person (Profile, Access, appearance, sign out). */
  readonly userMenu: Locator;
  readonly newPassword: Locator;
  readonly confirmNewPassword: Locator;
  readonly alert: Locator;
  readonly status: Locator;
  readonly navigation: Locator;
  readonly refreshAccessButton: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
    this.userMenu = page.getByRole('button', { name: /^Account menu for / });
    this.newPassword = page.getByLabel('New password', { exact: true });
    this.confirmNewPassword = page.getByLabel('Confirm new password', { exact: true });
    this.alert = page.getByRole('alert');
    this.status = page.getByRole('status');
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.refreshAccessButton = page.getByRole('button', { name: 'Refresh my access' });
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
  }

  /** A heading by its text; a screen's title may carry a count after it ("Users (3+)"). */
  heading(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('heading', { name: new RegExp(`^${escaped}( \\(\\d+\\+?\\))?$`) });
  }

  /** A result in the flashbar (or any polite announcement) saying `text`. */
  flash(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The dialog that asks before an action, and its button that goes ahead. */
  confirmButton(name: string): Locator {
    return this.page.getByRole('dialog').getByRole('button', { name, exact: true });
  }

  /** Picks `item` from the screen's "Actions" menu. */
  async chooseAction(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Actions', exact: true }).click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }

  /** Picks `option` in a Cloudscape select, found by its label. */
  async choose(label: string | RegExp, option: string | RegExp): Promise<void> {
    const name = typeof label === 'string' ? new RegExp(`^${label}`) : label;
    await this.page.getByRole('button', { name }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Opens "Invite user", types the address and sends the invitation. */
  async invite(email: string, send: 'click' | 'dblclick' = 'click'): Promise<void> {
    await this.page.getByRole('button', { name: 'Invite user', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Email', { exact: true }).fill(email);
    await dialog.getByRole('button', { name: 'Send invitation' })[send]();
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.signInButton.click();
  }

  /** Signs in; with an authenticator app, answers the code step with its next code. */
  async signInAs(user: SignInUser): Promise<void> {
    await this.signIn(user.email, user.password);
    if (user.totpSecret) await this.enterTotpCode(await nextTotpCode(user.totpSecret));
  }

  /**
   * Sets an authenticator app up where the console offers it (Profile → Security, where an
   * administrator without one is sent): reads the key off the screen's text, as a person
   * types it into their app, and confirms a code computed from it. An administrator's setup
   * ends every session opened without the app, this one too: pass them to sign in again with
   * the password and a fresh code. Answers the key.
   */
  async setUpAuthenticator(
    administrator?: Pick<SeededUser, 'email' | 'password'>,
  ): Promise<string> {
    await this.page.getByRole('button', { name: 'Set up authenticator app' }).click();
    const key = this.page.getByRole('textbox', { name: 'Setup key' });
    await expect(key).not.toHaveValue('');
    const secret = (await key.inputValue()).replace(/\s+/g, '');
    await this.enterTotpCode(await nextTotpCode(secret));
    if (administrator) {
      await expect(this.heading('Sign in')).toBeVisible();
      await expect(this.status.filter({ hasText: 'Sign in again' })).toBeVisible();
      await this.signInAs({ ...administrator, totpSecret: secret });
    }
    return secret;
  }

  /** The sign-in's code step: the six digits, then "Verify". */
  async enterTotpCode(code: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Authentication code' }).fill(code);
    await this.page.getByRole('button', { name: 'Verify', exact: true }).click();
  }

  /** Signs in and waits for the signed-in frame (the user's menu, named by their e-mail). */
  async signedInAs(user: SignInUser): Promise<void> {
    await this.signInAs(user);
    await expect(this.userMenuOf(user.email)).toBeVisible();
  }

  /** The user menu of someone signed in as `email`. */
  userMenuOf(email: string): Locator {
    return this.page.getByRole('button', { name: `Account menu for ${email}`, exact: true });
  }

  /** The top bar's button naming the role the console acts as (it opens "Switch role"). */
  actingRole(roleName?: string): Locator {
    return this.page.getByRole('button', {
      name: roleName ? `Acting as role ${roleName}. Switch role` : /^Acting as role /,
    });
  }

  /**
   * Switches role from the top bar: to a role with fewer rights at once; to one with more,
   * by signing in again as `reauthenticate` (password and a fresh code), as the console asks.
   */
  async switchRole(roleName: string, reauthenticate?: SignInUser): Promise<void> {
    await this.actingRole().click();
    const dialog = this.page.getByRole('dialog', { name: 'Switch role' });
    await dialog.getByRole('radio', { name: new RegExp(`^${roleName}\\b`) }).check();
    if (!reauthenticate) {
      await dialog.getByRole('button', { name: 'Switch role', exact: true }).click();
      await expect(this.actingRole(roleName)).toBeVisible();
      return;
    }
    await dialog.getByRole('button', { name: 'Sign in again to switch' }).click();
    await expect(this.heading('Sign in')).toBeVisible();
    await expect(this.status.filter({ hasText: `To act as ${roleName}` })).toBeVisible();
    await this.signInAs(reauthenticate);
    await expect(this.actingRole(roleName)).toBeVisible();
  }

  /** Signs out from the user menu, as a person would. */
  async signOut(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    // Signed out once the sign-in form is there: the screen before it may have an "Email" too.
    await expect(this.signInButton).toBeVisible();
  }

  async setNewPassword(password: string, confirmation = password): Promise<void> {
    await this.newPassword.fill(password);
    await this.confirmNewPassword.fill(confirmation);
    await this.page.getByRole('button', { name: 'Set new password' }).click();
  }

  /**
   * A value in a section's description list, by its term ("Role", "Identity ID", ...). ARIA
   * gives terms and definitions no accessible name, so the value is the definition in the
   * term's position (each list has one definition per term).
   */
  async detail(section: Locator, term: string): Promise<Locator> {
    const terms = section.getByRole('term');
    await terms.first().waitFor();
    const names = await terms.allTextContents();
    const index = names.indexOf(term);
    if (index < 0) throw new Error(`No "${term}" here; there is: ${names.join(', ')}`);
    return section.getByRole('definition').nth(index);
  }

  /** The Users screen's table, whichever page it shows. */
  usersTable(): Locator {
    return this.page.getByRole('table', { name: /^Users, page \d+$/ });
  }

  /**
   * Filters the Users screen to addresses starting with `prefix` (the filter bar's attribute
   * and match as the screen opens: Email, Starts with), and waits until the table shows that
   * filter's answer (the field describes itself with the count of matches).
   */
  async filterUsers(prefix: string, { waitForMatches = true } = {}): Promise<void> {
    const field = this.page.getByLabel('Email starts with');
    await field.fill(prefix);
    if (waitForMatches) {
      await expect(field).toHaveAccessibleDescription(/^Matching users: \d+\+?$/);
    }
  }

  /**
   * The audit log filtered to what `actor` did, once the filtered page has replaced the first:
   * tests run side by side, so an unfiltered page holds other tests' entries too.
   */
  async auditLogOf(actor: string): Promise<Locator> {
    await this.navLink('Audit log').click();
    await this.page.getByLabel('Actor').fill(actor);
    const filtered = this.page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname.endsWith('/admin/audit') &&
        new URL(response.url()).searchParams.get('actor') === actor,
    );
    await this.page.getByRole('button', { name: 'Filter', exact: true }).click();
    await filtered;
    const log = this.page.getByRole('table', { name: /^Admin actions, newest first/ });
    const othersEntries = log
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .filter({ hasNotText: actor })
      .filter({ hasNotText: 'No admin action matches these filters.' });
    await expect(othersEntries).toHaveCount(0);
    return log;
  }

  /** The Access screen's value for `term` about this browser's session. */
  async myAccess(term: string): Promise<Locator> {
    await this.navLink('Access').click();
    return this.detail(this.page.getByRole('region', { name: 'This browser’s session' }), term);
  }

  /** The Access screen's summary of its probe, once every admin route has answered. */
  probeSummary(): Locator {
    return this.page
      .getByRole('region', { name: 'What you may call' })
      .getByRole('status')
      .filter({ hasText: /^Allowed \d+ of \d+ admin routes\.$/ });
  }

  /** The identity pool identity this browser holds, as the Access screen shows it. */
  async identityId(): Promise<string> {
    return (await (await this.myAccess('Identity ID')).textContent()) ?? '';
  }

  /** Amplify's refresh token for the signed-in user, as kept in localStorage. */
  async storedRefreshToken(): Promise<string> {
    const token = await this.page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i)!;
        if (key.endsWith('.refreshToken')) return localStorage.getItem(key);
      }
      return null;
    });
    if (!token) throw new Error('No refresh token in localStorage');
    return token;
  }
}
