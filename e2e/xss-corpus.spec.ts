import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parsePayloadFile } from './fixtures/generate-xss-payloads.ts';
import { joinKindred, operatorPassword, pageHeading, signInToKindred, uniqueHandle } from './helpers/accounts.ts';

// Every payload of the corpus goes through every field a member writes (topic title and text, a
// reply, a report note read by moderators, a search), and each page that shows them is checked in
// the browser: no dialog opens, no script, event handler, frame or script URL is in the page, and a
// post body holds only the renderer's allowlisted tags and attributes.
const payloads = parsePayloadFile(readFileSync(path.join(import.meta.dirname, 'fixtures', 'xss-payloads.txt'), 'utf8'));
const moderatorHandle = process.env.KINDRED_E2E_MODERATOR ?? 'missing-moderator';

/** What in the page could run: elements, attributes and URLs a sanitized page never has. */
async function findExecutable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const scriptUrl = /^\s*(javascript|vbscript|data):/i;
    for (const element of Array.from(document.querySelectorAll('main *'))) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'style'].includes(tag)) {
        problems.push(`<${tag}> in main`);
      }
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) problems.push(`${tag}[${attribute.name}]`);
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attribute.name.toLowerCase())
        ) {
          if (scriptUrl.test(attribute.value))
            problems.push(`${tag}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
        }
      }
    }
    for (const body of Array.from(document.querySelectorAll('.post-body *'))) {
      const tag = body.tagName.toLowerCase();
      const allowed = [
        'p',
        'br',
        'strong',
        'em',
        'del',
        's',
        'blockquote',
        'ul',
        'ol',
        'li',
        'code',
        'pre',
        'h3',
        'h4',
        'h5',
        'hr',
        'a',
      ];
      if (!allowed.includes(tag)) problems.push(`<${tag}> in a post body`);
      for (const attribute of Array.from(body.attributes)) {
        if (!['href', 'rel', 'class', 'start'].includes(attribute.name))
          problems.push(`${tag}[${attribute.name}] in a post body`);
      }
    }
    return problems;
  });
}

async function expectNothingExecutable(page: Page, where: string, dialogs: string[]) {
  expect(await findExecutable(page), where).toEqual([]);
  expect(dialogs, `${where}: a dialog opened`).toEqual([]);
}

/** Clicks "Load more" until every page of a list or a topic is shown. */
async function loadEverything(page: Page) {
  const more = page.getByRole('button', { name: 'Load more' });
  for (let round = 0; round < 40 && (await more.count()) > 0; round += 1) {
    const shown = page.locator('main').locator('li, article');
    const before = await shown.count();
    await more.first().click();
    await expect.poll(() => shown.count(), { timeout: 30_000 }).toBeGreaterThan(before);
  }
}

test(`${payloads.length} XSS payloads through every community field render nothing executable`, async ({
  page,
  browser,
}) => {
  test.setTimeout(900_000);
  expect(payloads.length).toBeGreaterThanOrEqual(500);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await joinKindred(page, uniqueHandle('xss'), 'one day at a time 2025');
  const api = page.request;
  const categories = await (await api.get('/api/community/categories')).json();
  const categoryId = categories.categories[0].id as string;

  // Titles are 3 to 150 characters: the payloads that fit are titles too.
  const titled = payloads.filter((payload) => payload.trim().length >= 3 && payload.trim().length <= 150).slice(0, 150);
  const topicIds: string[] = [];
  await test.step(`${titled.length} topics with a payload as title and text`, async () => {
    for (const [index, payload] of titled.entries()) {
      const response = await api.post('/api/community/topics', {
        data: { categoryId, title: payload, body: `${payload}\n\n(${index})` },
      });
      expect(response.status(), `${payload} -> ${await response.text()}`).toBe(201);
      topicIds.push((await response.json()).topic.id);
    }
  });

  const corpusTopic = (
    await (
      await api.post('/api/community/topics', {
        data: { categoryId, title: 'The XSS corpus', body: 'Replies follow.' },
      })
    ).json()
  ).topic.id as string;
  await test.step(`${payloads.length} replies, one payload each`, async () => {
    // Posts are trimmed, and the same text twice within minutes is refused: a payload that only
    // differs from an earlier one by surrounding whitespace gets its number after it.
    const sent = new Set<string>();
    for (const [index, payload] of payloads.entries()) {
      const trimmed = payload.trim();
      const body = trimmed === '' || sent.has(trimmed) ? `${payload}\n\n(${index})` : payload;
      sent.add(trimmed);
      const response = await api.post(`/api/community/topics/${corpusTopic}/posts`, { data: { body } });
      // A payload longer than a post allows is refused whole, with the one error body.
      expect([201, 400], `${payload} -> ${await response.text()}`).toContain(response.status());
    }
  });

  await test.step('the forums list shows every title as text', async () => {
    await page.goto('/community');
    await expect(pageHeading(page)).toHaveText(/Community/);
    await loadEverything(page);
    await expectNothingExecutable(page, 'forums list', dialogs);
  });

  await test.step('every reply on the corpus topic', async () => {
    await page.goto(`/community/t/${corpusTopic}`);
    await expect(pageHeading(page)).toHaveText('The XSS corpus');
    await loadEverything(page);
    expect(await page.locator('.post-body').count()).toBeGreaterThanOrEqual(payloads.length * 0.9);
    await expectNothingExecutable(page, 'corpus topic', dialogs);
  });

  await test.step('a sample of topic pages, and search results for payload words', async () => {
    for (const topicId of topicIds.filter((_, index) => index % 15 === 0)) {
      await page.goto(`/community/t/${topicId}`);
      await expect(page.getByRole('article').first()).toBeVisible();
      await expectNothingExecutable(page, `topic ${topicId}`, dialogs);
    }
    for (const query of ['script alert', 'onerror', 'javascript', 'svg onload', '"><img src=x onerror=alert(1)>']) {
      await page.goto(`/community/search?q=${encodeURIComponent(query)}`);
      await expect(pageHeading(page)).toBeVisible();
      await expectNothingExecutable(page, `search ${query}`, dialogs);
    }
  });

  await test.step('report notes as the moderators read them', async () => {
    const posts = (await (await api.get(`/api/community/topics/${corpusTopic}`)).json()).posts as Array<{ id: string }>;
    const reporter = await browser.newContext();
    const reporterPage = await reporter.newPage();
    await joinKindred(reporterPage, uniqueHandle('reporter'), 'one day at a time 2025');
    for (const [index, post] of posts.slice(1, 41).entries()) {
      const response = await reporterPage.request.post('/api/safety/reports', {
        data: { subjectKind: 'post', subjectId: post.id, reason: 'other', note: payloads[index]!.slice(0, 1000) },
      });
      expect(response.status()).toBe(201);
    }
    await reporter.close();
    const moderator = await browser.newContext();
    const moderatorPage = await moderator.newPage();
    const moderatorDialogs: string[] = [];
    moderatorPage.on('dialog', (dialog) => {
      moderatorDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInToKindred(moderatorPage, moderatorHandle, operatorPassword('moderator.txt'));
    await moderatorPage.goto('/moderation');
    await expect(pageHeading(moderatorPage)).toHaveText(/Moderation/);
    await loadEverything(moderatorPage);
    await expectNothingExecutable(moderatorPage, 'moderation queue', moderatorDialogs);
    await moderator.close();
  });
});
