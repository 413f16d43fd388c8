import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import { joinKindred, mainNav, pageHeading, uniqueHandle } from './helpers/accounts.ts';

// A cheap phone, in UTC: a new member's time zone comes from the browser, so "today" is the same for the test and the server.
const phone = { viewport: { width: 375, height: 740 }, timezoneId: 'UTC' };
test.use(phone);

/** The calendar day `count` days before a YYYY-MM-DD day. */
function daysBefore(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - count);
  return date.toISOString().slice(0, 10);
}

/** The short message that confirms an action. */
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('a member counts their days, checks in, writes a plan and shares a milestone; another member congratulates', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const handleA = uniqueHandle('counting');
  const handleB = uniqueHandle('cheering');
  const password = 'one day at a time 2025';
  const shareNote = 'Thirty mornings of waking up clear. Thank you all.';
  const congratulationNote = 'So proud of you. Keep going!';

  await test.step('member A joins and finds My recovery on their home page', async () => {
    await joinKindred(page, handleA, password);
    const recoveryCard = page.getByRole('region', { name: 'My recovery' });
    await expect(recoveryCard).toContainText('Count your days in recovery');
    await expect(recoveryCard.getByRole('link', { name: 'Today’s check-in' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'member home');
  });

  await test.step('My recovery invites A to add a first counter', async () => {
    await mainNav(page).getByRole('link', { name: 'My recovery' }).click();
    await expect(pageHeading(page)).toHaveText('My recovery');
    await expect(page.getByRole('heading', { name: 'Count the days that matter to you' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'my recovery (empty)');
  });

  let counterPath = '';
  await test.step('add a counter started 30 days ago; a future date is explained', async () => {
    await page.getByRole('link', { name: 'Add your first counter' }).click();
    await expect(pageHeading(page)).toHaveText('Add a counter');
    const startDate = page.getByLabel('Start date');
    const today = (await startDate.getAttribute('max'))!;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(startDate).toHaveValue(today);
    await expectNoSeriousA11yViolations(page, 'add a counter');

    await page.getByLabel('Name').fill('Alcohol');
    await startDate.fill(daysBefore(today, -1));
    await page.getByRole('button', { name: 'Add counter' }).click();
    const summary = page.getByRole('group', { name: 'Please check one thing' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Start date: The start date cannot be after today.');
    await expect(startDate).toHaveAttribute('aria-invalid', 'true');

    await startDate.fill(daysBefore(today, 30));
    await page.getByRole('button', { name: 'Add counter' }).click();
    await expect(pageHeading(page)).toHaveText('Alcohol');
    await expect(toast(page, 'Alcohol counter added')).toBeVisible();
    counterPath = new URL(page.url()).pathname;
    expect(counterPath).toMatch(/^\/recovery\/counters\/[0-9a-f-]+$/);
  });

  await test.step('the counter shows 30 days, the 30-day milestone reached and 60 days next', async () => {
    await expect(page.locator('.counter-days')).toHaveText('30 days');
    await expect(page.getByText(/^Next milestone: 60 days — in 30 days, on /)).toBeVisible();
    await expect(page.locator('.counter-celebration')).toHaveText(/You reached 30 days today!/);
    const reached = page.getByRole('region', { name: 'Milestones you have reached' });
    await expect(reached.getByRole('listitem').filter({ hasText: '30 days' })).toContainText('Reached today');
    const history = page.getByRole('region', { name: 'All your time in recovery' });
    await expect(history.getByRole('definition').first()).toHaveText('30 days');
    await expectNoSeriousA11yViolations(page, 'counter');

    await mainNav(page).getByRole('link', { name: 'My recovery' }).click();
    const card = page.getByRole('region', { name: 'Alcohol' });
    await expect(card.locator('.counter-days')).toHaveText('30 days');
    await expect(card).toContainText('Next milestone: 60 days');
    await expect(card.getByRole('link', { name: 'Share it with the community, if you like' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'my recovery');
  });

  await test.step('check in today: mood, craving, a trigger and the pledge', async () => {
    await page.getByRole('link', { name: 'Today’s check-in' }).click();
    await expect(pageHeading(page)).toHaveText('Today’s check-in');
    await expectNoSeriousA11yViolations(page, 'check-in');
    await page.getByRole('group', { name: 'How is your mood right now?' }).getByRole('radio', { name: 'Good' }).check();
    await page
      .getByRole('group', { name: /How strong are cravings today/ })
      .getByRole('radio', { name: '3', exact: true })
      .check();
    await page.getByRole('group', { name: 'Triggers' }).getByRole('checkbox', { name: 'Stress' }).check();
    await page.getByRole('checkbox', { name: 'Today I commit to my recovery' }).check();
    await page.getByRole('button', { name: 'Save my check-in' }).click();
    await expect(toast(page, 'Check-in saved')).toBeVisible();
  });

  await test.step('the check-in history shows the trend chart', async () => {
    await mainNav(page).getByRole('link', { name: 'My recovery' }).click();
    await page.getByRole('link', { name: 'Your check-ins' }).click();
    await expect(pageHeading(page)).toHaveText('Your check-ins');
    await expect(page.getByRole('img', { name: /^Mood over/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Cravings over/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'check-ins');
  });

  await test.step('write the recovery plan: a coping strategy and a person to call', async () => {
    await mainNav(page).getByRole('link', { name: 'My recovery' }).click();
    await page.getByRole('link', { name: 'Your recovery plan' }).click();
    await expect(pageHeading(page)).toHaveText('My recovery plan');
    await expectNoSeriousA11yViolations(page, 'plan');
    await page
      .getByRole('group', { name: 'Coping strategies' })
      .getByRole('checkbox', { name: 'Call someone' })
      .check();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const person = page.getByRole('group', { name: 'Person 1' });
    await person.getByLabel('Name').fill('Sam');
    await person.getByLabel('Phone').fill('+1 555 0100');
    await person.getByLabel('Note').fill('my sponsor');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    await expect(toast(page, 'Your plan is saved')).toBeVisible();
  });

  await test.step('share the 30-day milestone with a note', async () => {
    await mainNav(page).getByRole('link', { name: 'My recovery' }).click();
    await page.getByRole('link', { name: 'Share it with the community, if you like' }).click();
    await expect(pageHeading(page)).toHaveText('Alcohol');
    await page.getByRole('button', { name: 'Share with the community (30 days)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share 30 days' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('A few words for the community')).toBeFocused();
    await dialog.getByLabel('A few words for the community').fill(shareNote);
    await expectNoSeriousA11yViolations(page, 'share a milestone');
    await dialog.getByRole('button', { name: 'Share 30 days' }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, '30 days shared with the community')).toBeVisible();
    const reached = page.getByRole('region', { name: 'Milestones you have reached' });
    await expect(reached.getByRole('listitem').filter({ hasText: '30 days' })).toContainText('Shared');
    await expect(page.getByRole('button', { name: 'Share with the community (30 days)' })).toHaveCount(0);
  });

  await test.step('member B congratulates A with a reaction and a note', async () => {
    const contextB = await browser.newContext({ ...phone, baseURL });
    const pageB = await contextB.newPage();
    await joinKindred(pageB, handleB, password);
    await mainNav(pageB).getByRole('link', { name: 'Milestones' }).click();
    await expect(pageHeading(pageB)).toHaveText('Milestones');
    const item = pageB.getByRole('article', { name: `${handleA} celebrates 30 days` });
    await expect(item).toContainText(shareNote);
    await expect(item.getByRole('link', { name: handleA })).toHaveAttribute('href', `/members/${handleA}`);
    await expect(item.getByRole('button', { name: /Unshare/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(pageB, 'milestones (member B)');

    const reactions = item.getByRole('group', { name: `Congratulate ${handleA}` });
    const proud = reactions.getByRole('button', { name: 'Proud of you' });
    await expect(proud).toHaveAttribute('aria-pressed', 'false');
    await proud.click();
    await expect(proud).toHaveAttribute('aria-pressed', 'true');
    await expect(item.getByRole('list', { name: 'Reactions' })).toContainText('Proud of you: 1');

    await item.getByRole('button', { name: `Write a note to ${handleA}` }).click();
    await item.getByLabel(`Your note to ${handleA}`).fill(congratulationNote);
    await item.getByRole('button', { name: 'Send note' }).click();
    await expect(toast(pageB, 'Your note was sent')).toBeVisible();
    await expect(item.getByRole('list', { name: 'Congratulations' })).toContainText(
      `${handleB}: ${congratulationNote}`,
    );
    await expect(proud).toHaveAttribute('aria-pressed', 'true');
    await expectNoSeriousA11yViolations(pageB, 'milestones after congratulating');
    await contextB.close();
  });

  await test.step('A sees the congratulation on their milestone', async () => {
    await mainNav(page).getByRole('link', { name: 'Milestones' }).click();
    await expect(pageHeading(page)).toHaveText('Milestones');
    const item = page.getByRole('article', { name: `${handleA} celebrates 30 days` });
    await expect(item.getByRole('list', { name: 'Reactions' })).toContainText('Proud of you: 1');
    await expect(item.getByRole('list', { name: 'Congratulations' })).toContainText(
      `${handleB}: ${congratulationNote}`,
    );
    await expect(item.getByRole('button', { name: 'Unshare 30 days' })).toBeVisible();
    await expect(item.getByRole('group', { name: /^Congratulate/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'milestones (member A)');
  });

  await test.step('after a slip, starting again is gentle and keeps the time in recovery', async () => {
    await page.goto(counterPath);
    await page.getByRole('link', { name: 'Start again' }).click();
    await expect(pageHeading(page)).toHaveText('Start again');
    await expect(page.getByText('A slip is part of many recoveries. Your earlier days still count.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'start again');
    await page.getByLabel('A note for yourself').fill('A hard evening. Calling Sam tomorrow.');
    await page.getByRole('button', { name: 'Start again' }).click();

    await expect(pageHeading(page)).toHaveText('You have started again');
    await expect(pageHeading(page)).toBeFocused();
    await expect(page.getByText('Your total time in recovery is kept: 30 days.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Call Sam' })).toHaveAttribute('href', 'tel:+15550100');
    await expect(page.getByRole('link', { name: 'See crisis lines' })).toHaveAttribute('href', '/help');
    const body = (await page.locator('main').innerText()).toLowerCase();
    for (const word of ['failed', 'relapsed', 'lost']) expect(body).not.toContain(word);
    await expectNoSeriousA11yViolations(page, 'started again');

    await page.getByRole('link', { name: 'Back to Alcohol' }).click();
    await expect(page.locator('.counter-days')).toHaveText('0 days');
    const history = page.getByRole('region', { name: 'All your time in recovery' });
    await expect(history.getByRole('definition').first()).toHaveText('30 days');
    await expect(history).toContainText('A hard evening. Calling Sam tomorrow.');
  });
});
