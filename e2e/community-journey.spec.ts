import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import {
  joinKindred,
  mainNav,
  operatorPassword,
  pageHeading,
  signInToKindred,
  uniqueHandle,
} from './helpers/accounts.ts';

test.use({ viewport: { width: 375, height: 740 }, timezoneId: 'UTC' });

// Before the server starts, playwright.config.ts makes this run's moderator with the CLI.
const moderatorHandle = process.env.KINDRED_E2E_MODERATOR ?? 'missing-moderator';

/** A post on the topic page, found by words in it. */
const postWith = (page: Page, words: string): Locator => page.getByRole('article').filter({ hasText: words }).last();

test('a newcomer introduces themself, a member replies and reacts, the newcomer is notified, finds the topic by search and reports a reply, and a moderator hides it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const newcomer = uniqueHandle('newcomer');
  const helper = uniqueHandle('helper');
  const password = 'one day at a time 2025';
  const title = `Hello from day four ${Date.now().toString(36)}`;
  const firstWords = 'I am four days sober and looking for people who get it.';
  const welcome = 'Welcome! The first week is the hardest. We are glad you are here.';
  const rudeReply = 'Nobody cares, go away.';

  let topicUrl = '';
  await test.step('the newcomer joins and introduces themself', async () => {
    await joinKindred(page, newcomer, password);
    await mainNav(page).getByRole('link', { name: 'Community' }).click();
    await expect(pageHeading(page)).toHaveText(/Community/);
    await expectNoSeriousA11yViolations(page, 'community home');
    await page.getByRole('link', { name: 'New topic' }).first().click();
    await expect(pageHeading(page)).toHaveText('New topic');
    await page.getByLabel('Category').selectOption({ label: 'Introductions' });
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Your post').fill(`${firstWords} **Thank you** for reading.`);
    await expectNoSeriousA11yViolations(page, 'new topic');
    await page.getByRole('button', { name: 'Post topic' }).click();
    await expect(pageHeading(page)).toHaveText(title);
    await expect(page.getByRole('article').first()).toContainText(firstWords);
    await expect(page.getByRole('article').first().locator('strong')).toHaveText('Thank you');
    topicUrl = new URL(page.url()).pathname;
    await expectNoSeriousA11yViolations(page, 'topic');
  });

  const helperContext = await browser.newContext({ viewport: { width: 375, height: 740 }, timezoneId: 'UTC' });
  const helperPage = await helperContext.newPage();
  await test.step('a second member replies twice and reacts to the introduction', async () => {
    await joinKindred(helperPage, helper, password);
    await helperPage.goto('/community');
    await helperPage.getByRole('link', { name: title }).click();
    await expect(pageHeading(helperPage)).toHaveText(title);
    const introduction = postWith(helperPage, firstWords);
    await introduction.getByRole('button', { name: 'Sending support' }).click();
    await expect(introduction.getByRole('button', { name: /Sending support/ })).toHaveAttribute('aria-pressed', 'true');
    for (const words of [welcome, rudeReply]) {
      const composer = helperPage.getByRole('region', { name: /reply/i }).last();
      await composer.getByLabel('Your reply').fill(words);
      await composer.getByRole('button', { name: 'Post reply' }).click();
      await expect(postWith(helperPage, words)).toBeVisible();
    }
    await expectNoSeriousA11yViolations(helperPage, 'topic with replies');
  });

  await test.step('the newcomer sees the notifications on the bell and opens the reply', async () => {
    await page.goto('/');
    const bell = mainNav(page).getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible({ timeout: 15_000 });
    await bell.click();
    await expect(pageHeading(page)).toHaveText(/Notifications/);
    await expect(page.getByText(`@${helper} replied to your topic “${title}”`).first()).toBeVisible();
    await expect(page.getByText(`@${helper} sent “💛 Sending support” on your post in “${title}”`)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'notifications');
    await page
      .getByRole('link', { name: `@${helper} replied to your topic “${title}”` })
      .first()
      .click();
    await expect(pageHeading(page)).toHaveText(title);
    await expect(postWith(page, welcome)).toBeVisible();
  });

  await test.step('search finds the topic, with the matching words highlighted', async () => {
    await page.goto('/community/search');
    await page.getByLabel('Search the forums').fill('sober looking');
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.getByRole('link', { name: title });
    await expect(result).toBeVisible();
    await expect(page.locator('mark').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'search results');
    await result.click();
    await expect(pageHeading(page)).toHaveText(title);
  });

  await test.step('the newcomer reports the unkind reply', async () => {
    const reply = postWith(page, rudeReply);
    await reply.getByRole('button', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this post' });
    await dialog.getByLabel('Harassment or bullying').check();
    await expectNoSeriousA11yViolations(page, 'report dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByText(/Thank you for telling us/).first()).toBeVisible();
  });

  await test.step('a moderator finds the report in the queue and hides the reply with a reason', async () => {
    const moderatorContext = await browser.newContext({ viewport: { width: 375, height: 740 }, timezoneId: 'UTC' });
    const moderatorPage = await moderatorContext.newPage();
    await signInToKindred(moderatorPage, moderatorHandle, operatorPassword('moderator.txt'));
    await mainNav(moderatorPage).getByRole('link', { name: 'Moderation' }).click();
    await expect(pageHeading(moderatorPage)).toHaveText(/Moderation/);
    const item = moderatorPage.getByRole('article').filter({ hasText: rudeReply });
    await expect(item).toContainText('Harassment or bullying');
    await expect(item).toContainText(newcomer);
    await expectNoSeriousA11yViolations(moderatorPage, 'moderation queue');
    await item.getByRole('button', { name: 'Hide', exact: true }).click();
    const dialog = moderatorPage.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Unkind to a newcomer');
    await dialog.getByRole('button', { name: 'Hide post' }).click();
    await expect(moderatorPage.getByRole('article').filter({ hasText: rudeReply })).toHaveCount(0);
    await moderatorContext.close();
  });

  await test.step('members no longer see the reply; its author is told why', async () => {
    await page.goto(topicUrl);
    await expect(postWith(page, welcome)).toBeVisible();
    await expect(page.getByText(rudeReply)).toHaveCount(0);
    await expect(page.getByText('Hidden by moderators').first()).toBeVisible();
    await helperPage.goto('/notifications');
    await expect(helperPage.getByText(`A moderator hid your post in “${title}”: Unkind to a newcomer`)).toBeVisible();
  });
  await helperContext.close();
});

test('a story that sounds like a crisis is published, and its author sees help at once', async ({ page }) => {
  test.setTimeout(120_000);
  await joinKindred(page, uniqueHandle('struggling'), 'one day at a time 2025');
  await page.goto('/community/new');
  await page.getByLabel('Category').selectOption({ label: 'Early recovery' });
  await page.getByLabel('Title').fill('I can’t keep going');
  await page.getByLabel('Your post').fill('I have been saving my pills and I want to end my life tonight.');
  await page.getByRole('button', { name: 'Post topic' }).click();
  const help = page.getByRole('alert').filter({ hasText: '988' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('link', { name: /988/ }).first()).toHaveAttribute('href', /^(tel|sms):/);
  await expect(help).toContainText('1-800-662-4357');
  await expectNoSeriousA11yViolations(page, 'crisis support');
});
