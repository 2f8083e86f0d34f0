import { routesOf } from '@contract';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures/test';
import type { ConsolePage } from './pages/console-page';

const ADMIN_ROUTE_COUNT = routesOf('admin').length;

/**
 * Every answer of the admin API the page receives, with its error type; the Access screen's
 * dry runs (its probe) are left out.
 */
function recordAdminAnswers(app: { page: Page }, adminApiUrl: string) {
  const answers: Array<{ method: string; status: number; errorType: string | undefined }> = [];
  app.page.on('response', (response: Response) => {
    const request = response.request();
    if (!response.url().startsWith(adminApiUrl) || request.method() === 'OPTIONS') return;
    if (request.headers()['x-console-dry-run']) return;
    answers.push({
      method: request.method(),
      status: response.status(),
      errorType: response.headers()['x-amzn-errortype'],
    });
  });
  return answers;
}

async function postAnnouncement(app: ConsolePage, title: string) {
  await app.page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await app.page
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill(`Posted by the resilience test: ${title}`);
  await app.page.getByRole('button', { name: 'Post announcement' }).click();
}

test.describe('resilience of signed admin calls', () => {
  test('credentials expired mid-session: the next admin action just works', async ({
    app,
    admin,
    operator,
  }) => {
    const answers = recordAdminAnswers(app, operator.config.adminApiUrl);
    await app.goto();
    await app.signedInAs(admin);
    const identityId = await app.identityId();
    // The probe's calls are done before the credentials go stale.
    await expect(app.probeSummary()).toHaveText(
      `Allowed ${ADMIN_ROUTE_COUNT} of ${ADMIN_ROUTE_COUNT} admin routes.`,
    );
    expect(await operator.expireCredentials(identityId)).toBeGreaterThan(0);

    await app.navLink('Announcements').click();
    const title = `After expiry ${Date.now()}`;
    await postAnnouncement(app, title);

    await expect(app.flash('Announcement posted.')).toBeVisible();
    await expect(app.page.getByRole('rowheader', { name: title })).toBeVisible();
    await expect(app.alert).toHaveCount(0);
    // The refusal happened and was handled: one ExpiredToken, then everything succeeded.
    expect(answers.filter((a) => a.errorType === 'ExpiredTokenException')).toHaveLength(1);
    expect(answers.filter((a) => a.method === 'POST')).toEqual([
      { method: 'POST', status: 201, errorType: undefined },
    ]);
  });

  test('the browser clock 30 minutes ahead: admin calls still succeed', async ({
    app,
    admin,
    operator,
  }) => {
    const answers = recordAdminAnswers(app, operator.config.adminApiUrl);
    await app.goto();
    await app.signedInAs(admin);

    await app.page.clock.install({ time: Date.now() + 30 * 60 * 1000 });
    // One call at a time, so exactly one of them meets the skew: the announcements list.
    await app.navLink('Announcements').click();
    await expect(app.page.getByRole('heading', { name: 'Announcements', level: 1 })).toBeVisible();
    const title = `Clock ahead ${Date.now()}`;
    await postAnnouncement(app, title);

    await expect(app.flash('Announcement posted.')).toBeVisible();
    await expect(app.alert).toHaveCount(0);
    // One refusal taught the console AWS's time; later calls were signed right first time.
    const skewed = answers.filter((a) => a.errorType === 'InvalidSignatureException');
    expect(skewed).toHaveLength(1);
    // The list read again after the post may answer just after the flash shows: wait for it.
    await expect
      .poll(() => answers.filter((a) => a.status >= 200 && a.status < 300).length)
      .toBeGreaterThanOrEqual(3);
  });

  test('a POST answered 5xx is sent exactly once and the error is explained', async ({
    app,
    admin,
    operator,
  }) => {
    const postUrl = `${operator.config.adminApiUrl}/admin/announcements`;
    let postsSent = 0;
    // The request really reaches the API (and is stored); the answer is lost on the way back,
    // as when a gateway times out after the integration ran.
    await app.page.route(postUrl, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      postsSent++;
      const real = await route.fetch();
      await route.fulfill({
        status: 502,
        headers: {
          ...real.headers(),
          'content-type': 'application/json',
          'x-amzn-errortype': 'InternalServerErrorException',
        },
        body: JSON.stringify({ message: 'Internal server error' }),
      });
    });
    await app.goto();
    await app.signedInAs(admin);
    await app.navLink('Announcements').click();
    const title = `Sent once ${Date.now()}`;
    await postAnnouncement(app, title);

    await expect(app.alert).toContainText('The API failed to answer.');
    await expect(app.page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
    expect(postsSent).toBe(1);
    const api = await operator.adminClient();
    const { entries } = await api('listAudit', {
      query: { action: 'postAnnouncement', limit: 100 },
    });
    // The audit names an announcement by its title and id.
    expect(entries.filter((e) => e.target.startsWith(`${title} (`))).toHaveLength(1);
    const { announcements } = await api('listAnnouncementsAdmin', {});
    expect(announcements.filter((a) => a.title === title)).toHaveLength(1);
  });
});
