import { expect, type Locator, type Page } from '@playwright/test';
import type { SeededUser } from '../fixtures/environment';

/** The console as a person finds their way around it: by roles, labels and names (English). */
export class ConsolePage {
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
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
    this.signOutButton = page.getByRole('button', { name: 'Sign out', exact: true });
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

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true });
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.signInButton.click();
  }

  async signInAs(user: Pick<SeededUser, 'email' | 'password'>): Promise<void> {
    await this.signIn(user.email, user.password);
  }

  /** Signs in and waits for the signed-in frame (the signed-in user's name in the header). */
  async signedInAs(user: Pick<SeededUser, 'email' | 'password'>): Promise<void> {
    await this.signInAs(user);
    await expect(this.page.getByText(`Signed in as ${user.email}`)).toBeVisible();
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

  /** Filters the Users screen to addresses starting with `prefix`. */
  async filterUsers(prefix: string): Promise<void> {
    await this.page.getByLabel('Email starts with').fill(prefix);
    await this.page.getByRole('button', { name: 'Filter', exact: true }).click();
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
