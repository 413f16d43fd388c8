import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/**
 * The one-time password of an account playwright.config.ts made with the CLI before the server
 * started (create-admin prints it into a file in the run's data directory).
 */
export function operatorPassword(fileName: 'editor.txt' | 'moderator.txt'): string {
  const dataDir = process.env.KINDRED_E2E_DATA_DIR;
  if (!dataDir) throw new Error('KINDRED_E2E_DATA_DIR is set by playwright.config.ts.');
  const printed = readFileSync(path.join(dataDir, fileName), 'utf8');
  const password = /one-time password: (\S+)/.exec(printed)?.[1];
  if (!password) throw new Error(`No one-time password in what create-admin printed:\n${printed}`);
  return password;
}

/** Signs in through the sign-in page. */
export async function signInToKindred(page: Page, handle: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(pageHeading(page)).toContainText(handle);
}
