import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import { joinKindred, mainNav, pageHeading, uniqueHandle } from './helpers/accounts.ts';

test.use({ viewport: { width: 375, height: 740 } });

test('a member writes a recovery plan, prints it, and keeps a private journal', async ({ page }) => {
  test.setTimeout(180_000);
  await joinKindred(page, uniqueHandle('plan'), 'quiet harbour evening 7');

  await test.step('an empty plan explains what a plan is for', async () => {
    await page.goto('/recovery/plan');
    await expect(pageHeading(page)).toHaveText('My recovery plan');
    await expect(page.getByRole('heading', { name: 'What is a recovery plan for?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print my plan' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'empty recovery plan');
  });

  await test.step('write the plan: reasons, a trigger, a strategy from the library, a person to call', async () => {
    await page.getByLabel('Reason 1', { exact: true }).fill('My daughter');
    await page.getByRole('button', { name: 'Add a reason' }).click();
    await expect(page.getByLabel('Reason 2', { exact: true })).toBeFocused();
    await page.keyboard.type('Waking up clear-headed');
    await page.getByLabel('Trigger 1', { exact: true }).fill('Payday');
    await page
      .getByRole('group', { name: 'Coping strategies' })
      .getByRole('checkbox', { name: /^Urge surfing/ })
      .check();
    const person = page.getByRole('group', { name: 'Person 1' });
    await person.getByLabel('Name').fill('Sam');
    await person.getByLabel('Phone').fill('555 0100');
    await person.getByLabel('Note').fill('my sponsor');

    // A second person with a number but no name is caught, and named in the summary.
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('group', { name: 'Person 2' }).getByLabel('Phone').fill('555 0199');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    const summary = page.getByRole('group', { name: 'Please check one thing' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('People I can call: Person 2: A name is required.');
    await expectNoSeriousA11yViolations(page, 'recovery plan with an error');
    await page.getByRole('button', { name: 'Remove person 2' }).click();

    await page.getByRole('button', { name: 'Save my plan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your plan is saved' })).toBeVisible();
  });

  const savedPlan = page.getByRole('region', { name: 'My recovery plan' });

  await test.step('after a reload the plan is kept, in the summary and in the form', async () => {
    await page.reload();
    await expect(savedPlan).toContainText('My daughter');
    await expect(savedPlan).toContainText('Waking up clear-headed');
    await expect(savedPlan).toContainText('Payday');
    await expect(savedPlan).toContainText('Urge surfing');
    await expect(savedPlan).toContainText('Sam');
    await expect(savedPlan.getByRole('link', { name: '555 0100' })).toHaveAttribute('href', 'tel:5550100');
    await expect(page.getByLabel('Trigger 1', { exact: true })).toHaveValue('Payday');
    await expect(page.getByRole('group', { name: 'Person 1' }).getByLabel('Name')).toHaveValue('Sam');
    await expect(page.getByRole('checkbox', { name: /^Urge surfing/ })).toBeChecked();
    await expect(page.getByRole('heading', { name: 'What is a recovery plan for?' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'saved recovery plan');
  });

  await test.step('printing shows the plan alone', async () => {
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Print my plan' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(mainNav(page)).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Crisis help' })).toBeHidden();
    await expect(savedPlan).toBeVisible();
    await expect(savedPlan.getByText('Urge surfing')).toBeVisible();
    await expect(savedPlan.getByRole('link', { name: '555 0100' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save my plan' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print my plan' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(mainNav(page)).toBeVisible();
  });

  await test.step('the journal says plainly that it is private', async () => {
    await page.goto('/recovery/journal');
    await expect(pageHeading(page)).toHaveText('My journal');
    await expect(page.getByText('Your journal is private: only you can see it.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nothing written yet' })).toBeVisible();
    const date = page.getByLabel('Date');
    await expect(date).not.toHaveValue('');
    expect(await date.getAttribute('max')).toBe(await date.inputValue());
    await expectNoSeriousA11yViolations(page, 'empty journal');
  });

  await test.step('write two entries', async () => {
    await page.getByLabel('Title').fill('Morning walk');
    await page.getByLabel('Your entry').fill('The river was quiet and I felt calm.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Entry saved in your journal' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Morning walk' })).toBeVisible();
    await expect(page.getByLabel('Your entry')).toHaveValue('');

    await page.getByLabel('Your entry').fill('Hard evening. Called Sam instead of drinking.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByRole('link', { name: 'Hard evening. Called Sam instead of drinking.' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'journal with entries');
  });

  await test.step('search finds one entry and not the other', async () => {
    const search = page.getByRole('searchbox', { name: 'Search your journal' });
    await search.fill('river');
    await search.press('Enter');
    await expect(page.getByText('Entries matching “river”: 1')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Morning walk' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Hard evening/ })).toHaveCount(0);

    await search.fill('zebra');
    await search.press('Enter');
    await expect(page.getByText('No entries match “zebra”.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Morning walk' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'journal search without results');

    await page.getByRole('button', { name: 'Show all entries' }).click();
    await expect(page.getByRole('link', { name: 'Morning walk' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Hard evening/ })).toBeVisible();
  });

  await test.step('read, change and delete an entry', async () => {
    await page.getByRole('link', { name: /Hard evening/ }).click();
    await expect(page).toHaveURL(/\/recovery\/journal\/[0-9a-f-]+$/);
    await expect(page.getByText('Only you can see this')).toBeVisible();
    await expect(page.getByText('Hard evening. Called Sam instead of drinking.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'journal entry');

    await page.getByRole('button', { name: 'Edit this entry' }).click();
    await page.getByLabel('Title').fill('A hard evening');
    await page.getByLabel('Your entry').fill('Hard evening. Called Sam instead of drinking. Proud of that.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Entry saved' })).toBeVisible();
    await expect(pageHeading(page)).toHaveText('A hard evening');
    await expect(page.getByText('Proud of that.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit this entry' })).toBeFocused();

    await page.getByRole('button', { name: 'Delete this entry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this entry?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'delete entry dialog');
    await dialog.getByRole('button', { name: 'Delete entry' }).click();

    await expect(page).toHaveURL(/\/recovery\/journal$/);
    await expect(page.getByRole('status').filter({ hasText: 'Entry deleted' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Morning walk' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'A hard evening' })).toHaveCount(0);
  });

  await test.step('a long journal loads twenty entries at a time', async () => {
    for (let count = 1; count <= 20; count += 1) {
      const response = await page.request.post('/api/recovery/journal', { data: { body: `Short note ${count}` } });
      expect(response.status()).toBe(201);
    }
    await page.reload();
    const entries = page.locator('.journal-item');
    await expect(entries).toHaveCount(20);
    await page.getByRole('button', { name: 'Load more entries' }).click();
    await expect(entries).toHaveCount(21);
    await expect(page.getByRole('link', { name: 'Morning walk' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Load more entries' })).toHaveCount(0);
  });
});

test('a member checks in and sees today on their streak and calendar', async ({ page }) => {
  test.setTimeout(120_000);
  await joinKindred(page, uniqueHandle('checkin'), 'quiet harbour evening 7');

  await test.step('with no check-ins yet, the history invites the first', async () => {
    await page.goto('/recovery/check-ins');
    await expect(pageHeading(page)).toHaveText('Your check-ins');
    await expect(page.getByRole('heading', { name: 'No check-ins yet' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'empty check-in history');
    await page.getByRole('link', { name: 'Check in today' }).click();
  });

  await test.step('check in today', async () => {
    await expect(pageHeading(page)).toHaveText('Today’s check-in');
    await expectNoSeriousA11yViolations(page, 'check-in');
    await page
      .getByRole('group', { name: /How is your mood/ })
      .getByRole('radio', { name: 'Good' })
      .check();
    await page
      .getByRole('group', { name: /How strong are cravings/ })
      .getByRole('radio', { name: '2', exact: true })
      .check();
    await expect(page.getByText('Chosen: 2 of 10')).toBeVisible();
    await page
      .getByRole('group', { name: /Triggers/ })
      .getByRole('checkbox', { name: 'Stress' })
      .check();
    await page.getByLabel('Add your own').fill('Payday');
    await page.getByLabel('Add your own').press('Enter');
    await expect(page.getByRole('button', { name: 'Remove payday' })).toBeVisible();
    await expect(page.getByLabel('Add your own')).toHaveValue('');
    await page.getByRole('checkbox', { name: /Today I commit to my recovery/ }).check();
    await page.getByLabel('Something I am grateful for').fill('A long call with my sister.');
    await page.getByRole('button', { name: 'Save my check-in' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Check-in saved' })).toBeVisible();
    await expect(page.getByText('You checked in today — you can change it until midnight')).toBeVisible();
  });

  await test.step('after a reload the check-in is filled in, ready to change', async () => {
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Good' })).toBeChecked();
    await expect(page.getByRole('button', { name: 'Remove payday' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Today I commit to my recovery/ })).toBeChecked();
  });

  await test.step('the history shows the streak, today on the calendar, and the charts', async () => {
    await page.getByRole('link', { name: 'See your check-ins' }).first().click();
    await expect(pageHeading(page)).toHaveText('Your check-ins');
    const streaks = page.getByRole('region', { name: 'Days in a row' });
    await expect(streaks.locator('dd').first()).toHaveText('1 day');
    await expect(streaks.locator('dt').first()).toHaveText('Current streak');

    const today = page.locator('td[aria-current="date"]');
    await expect(today).toHaveCount(1);
    await expect(today).toContainText('today, checked in, mood: Good');
    await expect(page.getByRole('button', { name: 'Next month' })).toBeDisabled();
    const month = await page.getByRole('table').first().getAttribute('aria-labelledby');
    const monthName = (await page.locator(`[id="${month}"]`).textContent()) ?? '';
    await page.getByRole('button', { name: 'Previous month' }).click();
    await expect(page.locator(`[id="${month}"]`)).not.toHaveText(monthName);
    await expect(today).toHaveCount(0);
    await expect(page.getByRole('cell', { name: /no check-in/ }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(today).toContainText('today, checked in');

    await expect(page.getByRole('img', { name: /^Mood over the last 30 days: average 4\.0, always 4/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Cravings over the last 30 days: average 2\.0/ })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Stress' })).toContainText('once');
    await expect(page.getByRole('listitem').filter({ hasText: 'payday' })).toContainText('once');
    await expectNoSeriousA11yViolations(page, 'check-in history');

    await page.getByRole('button', { name: '90 days' }).click();
    await expect(page.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('img', { name: /^Mood over the last 90 days/ })).toBeVisible();

    await page.getByText('Show as a table').click();
    await expect(page.getByRole('row').filter({ hasText: '4 · Good' })).toHaveCount(1);
    await expectNoSeriousA11yViolations(page, 'check-in history as a table');
  });
});
