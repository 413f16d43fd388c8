import { expect, type Page } from '@playwright/test';

/** A handle nobody else has in this run: letters, digits and _ within 30 characters. */
export function uniqueHandle(prefix = 'e2e'): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(0, 30);
}

/** The page's one h1. */
export const pageHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The header's navigation. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Signs up through the join page and waits for the member's home. */
export async function joinKindred(page: Page, handle: string, password: string): Promise<void> {
  await page.goto('/join');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(pageHeading(page)).toContainText(handle);
}
