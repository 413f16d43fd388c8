import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import { joinKindred, mainNav, operatorPassword, pageHeading, uniqueHandle } from './helpers/accounts.ts';

// Before the server starts, playwright.config.ts creates this run's meeting editor with the CLI
// and writes its one-time password into the run's data directory.
const editorHandle = process.env.KINDRED_E2E_EDITOR ?? 'missing-editor';
const feeds = path.resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'meeting-feeds');

const editorPassword = () => operatorPassword('editor.txt');

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

test('a meeting editor enters a meeting on the 1st and 3rd Tuesdays; a visitor asks for a change; the editor marks it done', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Tuesday Women’s Step Study ${Date.now().toString(36)}`;
  let meetingUrl = '';

  await test.step('the editor adds the meeting by hand', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Handle').fill(editorHandle);
    await page.getByLabel('Password', { exact: true }).fill(editorPassword());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(mainNav(page).getByRole('link', { name: 'Meeting sources' })).toBeVisible();
    await page.goto('/admin/meetings');
    await page.getByRole('link', { name: 'Add a meeting' }).click();
    await expect(pageHeading(page)).toHaveText('Add a meeting');

    // Without an address or a join link there is nowhere to go: the form says so.
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Add the meeting' }).click();
    await expect(page.getByRole('link', { name: /^Address: Give an address/ })).toBeVisible();

    await page.getByLabel('Fellowship').fill('Alcoholics Anonymous');
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday' });
    const weeks = page.getByRole('group', { name: /Only on some weeks of the month/ });
    await weeks.getByLabel('The 1st').check();
    await weeks.getByLabel('The 3rd').check();
    await expect(page.getByText('Not in the published feed')).toBeVisible();
    await page.getByLabel('Starts at').fill('19:00');
    await page.getByLabel('Ends at').fill('20:00');
    const types = page.getByRole('group', { name: 'Types' });
    await types.getByLabel('Women').check();
    await types.getByLabel('Step Study').check();
    await page.getByLabel(/^Place/).fill('St. Paul’s Church');
    await page.getByLabel(/^Address/).fill('4201 Main St, Kansas City, MO 64111');
    await expectNoSeriousA11yViolations(page, 'add a meeting by hand');
    await page.getByRole('button', { name: 'Add the meeting' }).click();

    await expect(pageHeading(page)).toHaveText(name);
    await expect(page.getByText('The 1st & 3rd Tuesday of the month, 7:00 PM to 8:00 PM')).toBeVisible();
    await expect(page.getByText('Next meeting:')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /^Step Study$/ })).toBeVisible();
    meetingUrl = page.url();
  });

  await test.step('a visitor, not signed in, asks the editors for a change', async () => {
    const visitorContext = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(meetingUrl);
    await expect(pageHeading(visitor)).toHaveText(name);
    await visitor.getByRole('button', { name: 'Request a change' }).click();
    await visitor.getByRole('button', { name: 'Send to the editors' }).click();
    await expect(visitor.getByRole('link', { name: /^What should change\?: Say what should change/ })).toBeVisible();
    await visitor.getByLabel('What should change?').fill('The meeting moved to the basement hall.');
    await visitor.getByLabel(/How can the editors reach you/).fill('sam@example.org');
    await expectNoSeriousA11yViolations(visitor, 'request a change');
    await visitor.getByRole('button', { name: 'Send to the editors' }).click();
    await expect(visitor.getByText('The people who keep this meeting list will look at it.')).toBeVisible();
    await visitorContext.close();
  });

  await test.step('the editor sees the request, marks it done, and removes the meeting', async () => {
    await page.goto('/admin/meetings');
    const request = page.getByRole('listitem').filter({ hasText: 'The meeting moved to the basement hall.' });
    await expect(request).toContainText(name);
    await expect(request).toContainText('Reply to: sam@example.org');
    await expectNoSeriousA11yViolations(page, 'meeting sources with a change request');
    await request.getByRole('button', { name: /^Mark as done/ }).click();
    await expect(toast(page, 'Marked as done.')).toBeVisible();
    await expect(request).toHaveCount(0);

    await page.getByRole('link', { name: `Change ${name}` }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
    await expect(page.getByRole('group', { name: /Only on some weeks/ }).getByLabel('The 3rd')).toBeChecked();
    await page.getByRole('button', { name: 'Remove the meeting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the meeting' }).click();
    await expect(toast(page, `“${name}” was removed.`)).toBeVisible();
    await expect(page.getByRole('link', { name: `Change ${name}` })).toHaveCount(0);
  });
});
