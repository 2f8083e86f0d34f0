import { SEEDED_USERS } from './fixtures/environment';
import { expect, test } from './fixtures/test';

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('a Japanese browser gets Japanese, and the choice of English is remembered', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'サインイン', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

    await page.getByLabel('メールアドレス').fill(SEEDED_USERS.user.email);
    await page.getByLabel('パスワード', { exact: true }).fill('Wrong-Passw0rd!');
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'メールアドレスまたはパスワードが正しくありません。',
    );

    await page.getByLabel('言語').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('signed in, the console speaks Japanese too', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('メールアドレス').fill(SEEDED_USERS.user.email);
    await page.getByLabel('パスワード', { exact: true }).fill(SEEDED_USERS.user.password);
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'ホーム', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'アクセス', exact: true }).click();
    await expect(page.getByRole('button', { name: 'アクセス権を更新' })).toBeVisible();
  });
});
