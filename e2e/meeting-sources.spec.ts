import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import { joinKindred, mainNav, pageHeading, uniqueHandle } from './helpers/accounts.ts';

// Before the server starts, playwright.config.ts creates this run's meeting editor with the CLI
// and writes its one-time password into the run's data directory.
const editorHandle = process.env.KINDRED_E2E_EDITOR ?? 'missing-editor';
const feeds = path.resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'meeting-feeds');

function editorPassword(): string {
  const dataDir = process.env.KINDRED_E2E_DATA_DIR;
  if (!dataDir) throw new Error('KINDRED_E2E_DATA_DIR is set by playwright.config.ts.');
  const printed = readFileSync(path.join(dataDir, 'editor.txt'), 'utf8');
  const password = /one-time password: (\S+)/.exec(printed)?.[1];
  if (!password) throw new Error(`No one-time password in what create-admin printed:\n${printed}`);
  return password;
}

/** The short message that confirms an action. */
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test.use({ viewport: { width: 375, height: 740 }, timezoneId: 'America/Chicago' });

test('a member who does not keep the meeting list sees a short note instead of the sources', async ({ page }) => {
  await joinKindred(page, uniqueHandle('sources'), 'keep coming back 2025');
  await expect(mainNav(page).getByRole('link', { name: 'Meetings', exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Meeting sources' })).toHaveCount(0);
  await page.goto('/admin/meetings');
  await expect(pageHeading(page)).toHaveText('Meeting sources');
  await expect(page.getByText('This page is for the people who keep the meeting list')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add a source' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'meeting sources (not an editor)');
});

test('a meeting editor adds a source, uploads its file, sees a malformed file refused, and removes the source', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sourceName = `Kansas City AA ${Date.now().toString(36)}`;
  const sourceCard = page.getByRole('region', { name: sourceName });

  await test.step('the editor signs in and finds the sources in the header', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Handle').fill(editorHandle);
    await page.getByLabel('Password', { exact: true }).fill(editorPassword());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await mainNav(page).getByRole('link', { name: 'Meeting sources' }).click();
    await expect(pageHeading(page)).toHaveText('Meeting sources');
    await expect(page.getByRole('heading', { name: 'Add a source' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'meeting sources');
  });

  await test.step('a source without a name is refused with the shared message', async () => {
    await page.getByRole('button', { name: 'Add the source' }).click();
    await expect(page.getByRole('group', { name: 'Please check one thing' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Name: A source needs a name.' })).toBeVisible();
  });

  await test.step('add a source for uploaded files', async () => {
    await page.getByLabel('Name', { exact: true }).fill(sourceName);
    await page.getByLabel('Meeting Guide feed (JSON)').check();
    await page.getByLabel('Fellowship').fill('AA');
    await expect(page.getByLabel('Time zone')).toHaveValue('America/Chicago');
    await page.getByLabel('Refresh').selectOption({ label: 'Never (only when I import it)' });
    await page.getByRole('button', { name: 'Add the source' }).click();
    await expect(toast(page, `“${sourceName}” was added`)).toBeVisible();
    await expect(sourceCard).toContainText('Uploaded file');
    await expect(sourceCard).toContainText('Not imported yet.');
    await expect(sourceCard.getByRole('button', { name: /^Import now/ })).toHaveCount(0);
  });

  await test.step('upload the Kansas City feed: every meeting is new', async () => {
    await sourceCard.getByLabel('Upload a file').setInputFiles(path.join(feeds, 'kansas-city-aa.json'));
    const report = sourceCard.getByText(/^Import finished/).locator('..');
    await expect(report).toContainText('206 read · 206 new · 0 changed · 0 unchanged · 0 removed', {
      timeout: 60_000,
    });
    await expect(sourceCard).toContainText(/Meetings\s*206/);
    await expect(sourceCard).toContainText(/Last import .+: 206 read · 206 new/);
    await expectNoSeriousA11yViolations(page, 'meeting sources after an import');
  });

  await test.step('a malformed file is refused whole and nothing changes', async () => {
    await sourceCard.getByLabel('Upload a file').setInputFiles(path.join(feeds, 'edge-malformed.json'));
    await expect(sourceCard.getByText('The import did not work')).toBeVisible({ timeout: 30_000 });
    await expect(sourceCard).toContainText('The file was refused and nothing changed:');
    await expect(sourceCard).toContainText(/Meetings\s*206/);
    await expectNoSeriousA11yViolations(page, 'meeting sources after a refused file');
  });

  await test.step('change the source’s fellowship', async () => {
    await sourceCard.getByRole('button', { name: /^Edit/ }).click();
    await sourceCard.getByLabel('Fellowship').fill('Alcoholics Anonymous');
    await sourceCard.getByRole('button', { name: 'Save changes' }).click();
    await expect(toast(page, 'Changes saved.')).toBeVisible();
    await expect(sourceCard).toContainText(/Fellowship\s*Alcoholics Anonymous/);
    await expect(sourceCard.getByRole('button', { name: /^Edit/ })).toBeFocused();
  });

  await test.step('remove the source and its meetings, after saying yes', async () => {
    await sourceCard.getByRole('button', { name: /^Remove/ }).click();
    const dialog = page.getByRole('dialog', { name: `Remove “${sourceName}”?` });
    await expect(dialog).toContainText('This removes the source and its 206 meetings');
    await expectNoSeriousA11yViolations(page, 'remove a meeting source');
    await dialog.getByRole('button', { name: 'Remove the source and its meetings' }).click();
    await expect(toast(page, `“${sourceName}” and its meetings were removed.`)).toBeVisible();
    await expect(sourceCard).toHaveCount(0);
  });
});
