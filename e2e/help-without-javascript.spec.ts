import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';

// Someone in crisis may have JavaScript off, an old phone, or a broken app: help must still be one tap away.
test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('"Get help now" on the landing page leads to the crisis lines', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kindred needs JavaScript');
    // (Playwright's text search skips <noscript>, so read the message through its landmark.)
    await expect(page.getByRole('main')).toContainText('Crisis lines and help work without it');
    await expect(page.getByRole('link', { name: 'open the help page' })).toBeVisible();

    const helpLink = page.getByRole('link', { name: 'Get help now' });
    await expect(helpLink).toBeVisible();
    await helpLink.click();

    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
    await expect(page.locator('a[href="tel:988"]')).toBeVisible();
    await expect(page.locator('a[href="sms:988"]')).toBeVisible();
    await expect(page.getByText('SAMHSA National Helpline')).toBeVisible();
    await expect(page.getByRole('link', { name: /1-800-662-4357/ })).toHaveAttribute('href', 'tel:+18006624357');
    await expect(page.getByRole('link', { name: /TTY 1-800-487-4889/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
    await expect(page.getByRole('link', { name: /findtreatment\.gov/i })).toHaveAttribute(
      'href',
      'https://findtreatment.gov',
    );
    await expect(page.getByText('not a substitute for professional treatment')).toBeVisible();
  });

  for (const path of ['/sign-in', '/settings/account', '/members/someone']) {
    test(`"Get help now" is on ${path} too`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
      await expect(page.getByRole('link', { name: 'open the help page' })).toHaveAttribute('href', '/help');
    });
  }
});

// axe runs as a script in the page, so it needs JavaScript; /help itself has none either way.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`/help has no serious accessibility problems in the ${colorScheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/help');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
    expect(await page.locator('script').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, `/help (${colorScheme})`);
  });
}
