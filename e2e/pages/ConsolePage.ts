import type { Locator, Page } from '@playwright/test';
import type { SeededUser } from '../fixtures/environment';

/** The console's sign-in and session screens, found the way a person would find them. */
export class ConsolePage {
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  readonly newPassword: Locator;
  readonly setNewPasswordButton: Locator;
  readonly alert: Locator;
  /** The "Signed in" section with the session's details. */
  readonly signedIn: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
    this.signOutButton = page.getByRole('button', { name: 'Sign out', exact: true });
    this.newPassword = page.getByLabel('New password', { exact: true });
    this.setNewPasswordButton = page.getByRole('button', { name: 'Set new password', exact: true });
    this.alert = page.getByRole('alert');
    this.signedIn = page.getByRole('region', { name: 'Signed in', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.signInButton.click();
  }

  async signInAs(user: SeededUser): Promise<void> {
    await this.signIn(user.email, user.password);
  }

  async setNewPassword(password: string): Promise<void> {
    await this.newPassword.fill(password);
    await this.setNewPasswordButton.click();
  }

  /**
   * A value in the "Signed in" list, by its term ("Role", "Identity ID", ...). ARIA gives
   * terms and definitions no accessible name, so the value is the definition in the term's
   * position (the list has one definition per term).
   */
  async detail(term: string): Promise<Locator> {
    await this.signedIn.getByRole('term').first().waitFor();
    const terms = await this.signedIn.getByRole('term').allTextContents();
    const index = terms.indexOf(term);
    if (index < 0) throw new Error(`"Signed in" has no "${term}"; it has: ${terms.join(', ')}`);
    return this.signedIn.getByRole('definition').nth(index);
  }

  async groups(): Promise<Locator> {
    return (await this.detail('Groups')).getByRole('listitem');
  }
}
