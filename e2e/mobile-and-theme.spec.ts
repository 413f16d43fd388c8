import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';

const pages = [
  { path: '/', heading: 'You do not have to do this alone' },
  { path: '/join', heading: 'Join Kindred' },
];

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

test.describe('on a small phone (375 × 740)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const { path, heading } of pages) {
    test(`${path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expectNoHorizontalScroll(page);
      // The buttons and links people tap are at least 44px tall.
      for (const target of await page.locator('.button, .nav-link, .help-now').all()) {
        const box = await target.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      }
    });
  }
});

test.describe('in the dark', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 375, height: 740 } });

  for (const { path, heading } of pages) {
    test(`${path} follows the device's dark scheme with no serious accessibility problems`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 21, 24)');
      await expectNoSeriousA11yViolations(page, `${path} (dark)`);
    });
  }
});

test('the theme switch overrides the device and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-theme');

  await page.getByLabel('Theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 21, 24)');
  await expectNoSeriousA11yViolations(page, '/ (dark chosen)');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(248, 246, 241)');

  await page.getByLabel('Theme').selectOption('system');
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 21, 24)');
});
