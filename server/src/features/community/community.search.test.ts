import { randomInt } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExcerptPart, SearchResponse, SearchResult } from '@kindred/common/community';
import { posts } from '../../db/schema.ts';
import { buildMember, type BuiltMember } from '../../../test/factories.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { setMemberRole } from '../accounts/accounts.service.ts';
import { writeSearchEntries } from './community.queries.ts';
import { excerptPartsOf, RANKED_WINDOW } from './community.search.ts';

let t: TestApp;
let categoryIds: Map<string, string>;
let viewer: BuiltMember;
beforeAll(async () => {
  // No new-member limits or duplicate checks: these tests write many posts quickly.
  t = await createTestApp({ env: { COMMUNITY_NEW_MEMBER_DAYS: '0', COMMUNITY_DUPLICATE_POST_MINUTES: '0' } });
  viewer = await buildMember(t.ctx);
  const response = await call(viewer, 'GET', '/api/community/categories');
  expect(response.statusCode).toBe(200);
  categoryIds = new Map(
    response.json<{ categories: Array<{ id: string; slug: string }> }>().categories.map((c) => [c.slug, c.id]),
  );
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
function call(member: BuiltMember | null, method: Method, url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(member && { cookie: member.cookie }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
}

/**
 * A made-up word no other test uses, so each test searches only what it wrote. Consonants only:
 * the English stemmer leaves such words alone.
 */
function uniqueWord(): string {
  const letters = 'bcdfghjkmnpqrtvwxz';
  return `zq${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

async function startTopic(
  member: BuiltMember,
  input: {
    title: string;
    body: string;
    category?: string;
    kind?: 'discussion' | 'story';
    contentWarnings?: string[];
    isAnonymous?: boolean;
  },
) {
  const response = await call(member, 'POST', '/api/community/topics', {
    categoryId: categoryIds.get(input.category ?? 'questions-and-advice'),
    title: input.title,
    body: input.body,
    kind: input.kind ?? 'discussion',
    contentWarnings: input.contentWarnings ?? [],
    isAnonymous: input.isAnonymous ?? false,
  });
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json<{ topic: { id: string }; post: { id: string } }>();
  return { topicId: created.topic.id, postId: created.post.id };
}

async function reply(member: BuiltMember, topicId: string, body: string, isAnonymous = false): Promise<string> {
  const response = await call(member, 'POST', `/api/community/topics/${topicId}/posts`, { body, isAnonymous });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ post: { id: string } }>().post.id;
}

function searchUrl(parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) query.set(name, value);
  return `/api/community/search?${query.toString()}`;
}

async function search(member: BuiltMember, parameters: Record<string, string | undefined>): Promise<SearchResponse> {
  const response = await call(member, 'GET', searchUrl(parameters));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResponse>();
}

async function foundPostIds(member: BuiltMember, parameters: Record<string, string | undefined>) {
  return (await search(member, parameters)).results.map((result) => result.postId);
}

/** Every page of a search, following the cursor. */
async function allPages(member: BuiltMember, parameters: Record<string, string | undefined>) {
  const pages: SearchResult[][] = [];
  let cursor: string | undefined;
  do {
    const page = await search(member, { ...parameters, cursor });
    pages.push(page.results);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

const matchedWords = (parts: ExcerptPart[]) => parts.filter((part) => part.isMatch).map((part) => part.text);
const plain = (parts: ExcerptPart[]) => parts.map((part) => part.text).join('');

/** Moves posts in time, and their search entries with them (as if they had been written then). */
async function setCreatedAt(postIds: string[], at: Date) {
  await t.ctx.db.update(posts).set({ createdAt: at }).where(inArray(posts.id, postIds));
  for (const postId of postIds) await writeSearchEntries(t.ctx.db, { postId });
}

describe('a forum with thousands of posts', () => {
  // First in the file, so the planner's statistics (analyzed here) describe mostly these posts.
  it('finds exactly the newest matches, page after page, however common the words', async () => {
    const author = await buildMember(t.ctx);
    const { topicId } = await startTopic(author, { title: `Daily log ${uniqueWord()}`, body: 'Every day.' });
    const everySixth = uniqueWord();
    const everyTenth = uniqueWord();
    const everyFortieth = uniqueWord();
    const rare = uniqueWord();
    // Every hundredth post: too few in the first look to fill a page, so the index looks in a window of time.
    const everyHundredth = uniqueWord();
    // Every hundredth post among the newest 1,500 and older than the newest 5,000, and none between:
    // the window holds too few, and the index looks again in what is older than it.
    const gapped = uniqueWord();
    const count = 10_000;
    // One reply every 9 minutes for about two months, the newest a minute ago.
    await t.ctx.db.execute(sql`
      insert into posts (topic_id, author_id, number, body_markdown, body_html, body_text, created_at)
      select ${topicId}::uuid, ${author.user.id}::uuid, 1 + n, body, body, body, now() - interval '1 minute' - (${count} - n) * interval '9 minutes'
      from generate_series(1, ${count}) as n,
        lateral (select concat_ws(' ', 'Day', n::text,
          case when n % 6 = 0 then ${everySixth} end, case when n % 10 = 0 then ${everyTenth} end,
          case when n % 40 = 0 then ${everyFortieth} end, case when n % 700 = 0 then ${rare} end,
          case when n % 100 = 0 then ${everyHundredth} end,
          case when n % 100 = 50 and (n > ${count} - 1500 or n <= ${count} - 5000) then ${gapped} end) as body) as b`);
    // Written past the app: their search entries too, as the app writes them.
    await writeSearchEntries(t.ctx.db, { topicId });
    await t.ctx.db.execute(sql`analyze posts, post_search_entries`);

    /** What a plain query over every match answers: the reference the pages must equal. */
    async function expected(word: string): Promise<string[]> {
      const result: unknown = await t.ctx.db.execute(sql`select id from posts
        where to_tsvector('english', body_text) @@ websearch_to_tsquery('english', ${word})
        order by created_at desc, id desc`);
      return (result as { rows: Array<{ id: string }> }).rows.map((row) => row.id);
    }

    for (const word of [
      everySixth,
      everyTenth,
      everyFortieth,
      rare,
      everyHundredth,
      gapped,
      `${everySixth} ${everyTenth}`,
    ]) {
      const all = await expected(word);
      expect(all.length).toBeGreaterThan(0);
      const newest = (await allPages(viewer, { q: word, sort: 'newest' })).flat().map((result) => result.postId);
      // allPages stops after 20 pages.
      expect(newest, word).toEqual(all.slice(0, 20 * 20));
      const relevant = (await allPages(viewer, { q: word, sort: 'relevant' })).flat().map((result) => result.postId);
      expect(relevant).toHaveLength(Math.min(all.length, RANKED_WINDOW));
      expect(new Set(relevant), word).toEqual(new Set(all.slice(0, RANKED_WINDOW)));
    }
    // In the topic's forum (the index holds the forum beside the words) and in another one.
    for (const word of [everyFortieth, rare, gapped]) {
      const all = await expected(word);
      const inForum = (await allPages(viewer, { q: word, sort: 'newest', category: 'questions-and-advice' })).flat();
      expect(
        inForum.map((result) => result.postId),
        word,
      ).toEqual(all.slice(0, 20 * 20));
      const relevant = (await allPages(viewer, { q: word, sort: 'relevant', category: 'questions-and-advice' })).flat();
      expect(new Set(relevant.map((result) => result.postId)), word).toEqual(new Set(all.slice(0, RANKED_WINDOW)));
      expect(await allPages(viewer, { q: word, sort: 'newest', category: 'milestones' })).toEqual([[]]);
    }
  });
});

describe('finding posts', () => {
  it('finds a topic by the words of its title and a reply by the words of its text, highlighted', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, {
      title: `Evenings are hard ${word}`,
      body: 'After work I drive past the bar and it all comes back.',
    });
    const replyId = await reply(
      author,
      topicId,
      `Day twelve. I went to a meeting tonight and shared about ${word} for the first time. It helped to say it out loud to people who understand.`,
    );

    const { results } = await search(viewer, { q: word, sort: 'newest' });
    expect(results.map((result) => result.postId)).toEqual([replyId, postId]);
    const [replyResult, openingResult] = results as [SearchResult, SearchResult];

    expect(openingResult).toMatchObject({
      topicId,
      topicTitle: `Evenings are hard ${word}`,
      postNumber: 1,
      category: { slug: 'questions-and-advice', name: 'Questions and advice' },
      author: { handle: author.handle, isAnonymous: false, isYou: false },
      contentWarnings: [],
    });
    expect(openingResult.titleParts).toEqual([
      { text: 'Evenings are hard ', isMatch: false },
      { text: word, isMatch: true },
    ]);
    expect(plain(openingResult.excerpt)).toContain('drive past the bar');

    expect(replyResult.postNumber).toBe(2);
    expect(matchedWords(replyResult.excerpt)).toEqual([word]);
    expect(plain(replyResult.excerpt)).toContain(`shared about ${word} for the first time`);
    // Plain text: no markers and no HTML left in it.
    for (const part of [...replyResult.excerpt, ...replyResult.titleParts]) {
      for (const unwanted of ['\u0002', '\u0003', '<', '>']) expect(part.text).not.toContain(unwanted);
    }
    expect(new Date(replyResult.createdAt).toISOString()).toBe(replyResult.createdAt);
  });

  it('finds other forms of a word ("cravings" finds "craving" and the other way round)', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { postId } = await startTopic(author, {
      title: `Night-time ${word}`,
      body: 'The craving hit hard at 2am, so I called my sponsor and made tea.',
    });
    const other = await startTopic(author, {
      title: `Morning ${word}`,
      body: 'My cravings are lighter in the morning since I started walking.',
    });
    expect(new Set(await foundPostIds(viewer, { q: `cravings ${word}` }))).toEqual(new Set([postId, other.postId]));
    expect(new Set(await foundPostIds(viewer, { q: `craving ${word}` }))).toEqual(new Set([postId, other.postId]));
    const [result] = (await search(viewer, { q: `cravings ${word}` })).results.filter((r) => r.postId === postId);
    expect(matchedWords(result!.excerpt)).toContain('craving');
  });

  it('understands phrases, "or" and leaving words out', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const stepWork = await startTopic(author, { title: `Doing step work ${word}`, body: 'Step four is a lot.' });
    const workStep = await startTopic(author, { title: `Work on the next step ${word}`, body: 'Slowly.' });
    expect(await foundPostIds(viewer, { q: `"step work" ${word}` })).toEqual([stepWork.postId]);
    expect(await foundPostIds(viewer, { q: `${word} -slowly`, sort: 'newest' })).toEqual([stepWork.postId]);
    expect(new Set(await foundPostIds(viewer, { q: `${word} four or slowly` }))).toEqual(
      new Set([stepWork.postId, workStep.postId]),
    );
  });
});

describe('filters', () => {
  it('searches one forum, and answers nothing for a forum that does not exist', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const inCravings = await startTopic(author, {
      title: `Urge surfing ${word}`,
      body: 'It passes.',
      category: 'coping-with-cravings',
    });
    const inEarly = await startTopic(author, {
      title: `First week ${word}`,
      body: 'Sleep is odd.',
      category: 'early-recovery',
    });
    expect(await foundPostIds(viewer, { q: word, category: 'coping-with-cravings' })).toEqual([inCravings.postId]);
    expect(await foundPostIds(viewer, { q: word, category: 'early-recovery' })).toEqual([inEarly.postId]);
    expect(await search(viewer, { q: word, category: 'no-such-forum' })).toEqual({ results: [], nextCursor: null });
  });

  it('searches one member’s posts, never those they wrote anonymously', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const someoneElse = await buildMember(t.ctx);
    const named = await startTopic(author, { title: `Ninety meetings ${word}`, body: 'Halfway there.' });
    const anonymousTopic = await startTopic(author, {
      title: `Something I cannot say under my name ${word}`,
      body: 'I am scared to tell my family.',
      isAnonymous: true,
    });
    const anonymousReply = await reply(author, named.topicId, `Also ${word}, posted without my name.`, true);
    await startTopic(someoneElse, { title: `Ninety days ${word}`, body: 'Made it.' });

    expect(await foundPostIds(viewer, { q: word, author: author.handle })).toEqual([named.postId]);
    expect(await foundPostIds(viewer, { q: word, author: author.handle.toUpperCase() })).toEqual([named.postId]);
    // Not even for the author themself, nor for a moderator.
    expect(await foundPostIds(author, { q: word, author: author.handle })).toEqual([named.postId]);
    const moderator = await buildMember(t.ctx);
    await setMemberRole(t.ctx, moderator.handle, 'moderator');
    expect(await foundPostIds(moderator, { q: word, author: author.handle })).toEqual([named.postId]);
    // Without the author filter the anonymous posts are found, without a handle.
    const all = await foundPostIds(viewer, { q: word });
    expect(all).toEqual(expect.arrayContaining([anonymousTopic.postId, anonymousReply]));
    expect(await search(viewer, { q: word, author: 'nobody_has_this_handle' })).toEqual({
      results: [],
      nextCursor: null,
    });
  });

  it('shows no handle on anonymous results to other members; the author sees it is theirs', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { postId } = await startTopic(author, {
      title: `A hard week ${word}`,
      body: 'I am writing this without my name.',
      isAnonymous: true,
    });
    const [forViewer] = (await search(viewer, { q: word })).results;
    expect(forViewer).toMatchObject({
      postId,
      author: { handle: null, isAnonymous: true, isYou: false, isNewMember: false },
    });
    expect(JSON.stringify(forViewer)).not.toContain(author.handle);
    const [forAuthor] = (await search(author, { q: word })).results;
    expect(forAuthor!.author).toMatchObject({ isAnonymous: true, isYou: true });
  });

  it('keeps to the days asked for, whole days in UTC', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId: march1 } = await startTopic(author, { title: `Spring ${word}`, body: 'A start.' });
    const march2Early = await reply(author, topicId, `Early ${word}.`);
    const march2Late = await reply(author, topicId, `Late ${word}.`);
    const march3 = await reply(author, topicId, `Next day ${word}.`);
    await setCreatedAt([march1], new Date('2025-03-01T23:59:59.999Z'));
    await setCreatedAt([march2Early], new Date('2025-03-02T00:00:00.000Z'));
    await setCreatedAt([march2Late], new Date('2025-03-02T23:59:59.999Z'));
    await setCreatedAt([march3], new Date('2025-03-03T00:00:00.000Z'));

    const on = (parameters: Record<string, string>) => foundPostIds(viewer, { q: word, sort: 'newest', ...parameters });
    expect(await on({ from: '2025-03-02', to: '2025-03-02' })).toEqual([march2Late, march2Early]);
    expect(await on({ from: '2025-03-02' })).toEqual([march3, march2Late, march2Early]);
    expect(await on({ to: '2025-03-01' })).toEqual([march1]);
    expect(await on({ from: '2025-03-04' })).toEqual([]);
    expect(await on({ from: '2025-03-03', to: '2025-03-01' })).toEqual([]);
    const parsed = await search(viewer, { q: word, sort: 'newest', from: '2025-03-03' });
    expect(parsed.results[0]!.createdAt).toBe('2025-03-03T00:00:00.000Z');
  });
});

describe('what a member may not see', () => {
  it('leaves out what members I blocked wrote under their handle, but not their anonymous posts', async () => {
    const word = uniqueWord();
    const blocked = await buildMember(t.ctx);
    const other = await buildMember(t.ctx);
    const reader = await buildMember(t.ctx);
    const theirTopic = await startTopic(blocked, { title: `Relapse prevention ${word}`, body: 'My plan.' });
    const replyInTheirTopic = await reply(other, theirTopic.topicId, `Thanks for the ${word} plan.`);
    const othersTopic = await startTopic(other, { title: `Gratitude list ${word}`, body: 'Three things.' });
    const theirReply = await reply(blocked, othersTopic.topicId, `My ${word} list too.`);
    const theirAnonymous = await reply(blocked, othersTopic.topicId, `An anonymous ${word} reply.`, true);

    const before = await foundPostIds(reader, { q: word });
    expect(before).toHaveLength(5);
    expect((await call(reader, 'PUT', `/api/safety/blocks/${blocked.handle}`)).statusCode).toBe(204);

    const after = await foundPostIds(reader, { q: word, sort: 'newest' });
    expect(after).toEqual([theirAnonymous, othersTopic.postId]);
    expect(after).not.toContain(theirTopic.postId);
    expect(after).not.toContain(replyInTheirTopic); // the topic is theirs, as in the topic list
    expect(after).not.toContain(theirReply);
    // Others still find everything.
    expect(await foundPostIds(viewer, { q: word })).toHaveLength(5);
  });

  it('finds no hidden or deleted posts, and nothing in hidden topics', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const moderator = await buildMember(t.ctx);
    await setMemberRole(t.ctx, moderator.handle, 'moderator');
    const kept = await startTopic(author, { title: `Sober curious ${word}`, body: 'Questions.' });
    const hiddenReply = await reply(author, kept.topicId, `A ${word} reply the moderators hide.`);
    const deletedReply = await reply(author, kept.topicId, `A ${word} reply I delete.`);
    const hiddenTopic = await startTopic(author, { title: `A ${word} topic the moderators hide`, body: 'Text.' });
    const hiddenTopicReply = await reply(author, hiddenTopic.topicId, `Inside the hidden ${word} topic.`);
    expect(await foundPostIds(viewer, { q: word })).toHaveLength(5);

    const reason = { reason: 'Testing search' };
    expect((await call(moderator, 'POST', `/api/moderation/posts/${hiddenReply}/hide`, reason)).statusCode).toBe(200);
    expect((await call(author, 'DELETE', `/api/community/posts/${deletedReply}`)).statusCode).toBe(204);
    const hide = await call(moderator, 'PATCH', `/api/moderation/topics/${hiddenTopic.topicId}`, {
      ...reason,
      isHidden: true,
    });
    expect(hide.statusCode, hide.body).toBe(200);

    expect(await foundPostIds(viewer, { q: word })).toEqual([kept.postId]);
    // Not for their author nor a moderator either: search shows what is visible in the forums.
    expect(await foundPostIds(author, { q: word })).toEqual([kept.postId]);
    expect(await foundPostIds(moderator, { q: word })).toEqual([kept.postId]);
    expect(hiddenTopicReply).toBeTruthy();
  });

  it('shows a story collapsed behind its warnings with its title and warnings, and no excerpt', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const story = await startTopic(author, {
      title: `My story ${word}`,
      body: `The night I ${word} was the worst of it. I am here now.`,
      category: 'recovery-stories',
      kind: 'story',
      contentWarnings: ['relapse', 'overdose'],
    });
    const plainStory = await startTopic(author, {
      title: `Another story ${word}`,
      body: `No warnings in this ${word} one.`,
      category: 'recovery-stories',
      kind: 'story',
    });

    const byPost = async (member: BuiltMember) =>
      new Map((await search(member, { q: word })).results.map((result) => [result.postId, result]));
    const collapsed = (await byPost(viewer)).get(story.postId)!;
    expect(collapsed).toMatchObject({
      topicTitle: `My story ${word}`,
      contentWarnings: ['relapse', 'overdose'],
      excerpt: [],
    });
    expect(matchedWords(collapsed.titleParts)).toEqual([word]);
    expect((await byPost(viewer)).get(plainStory.postId)!.excerpt).not.toEqual([]);

    // A reader who opens warned stories sees the excerpt, unless one warning is one they always keep folded.
    const reader = await buildMember(t.ctx);
    const save = (preferences: object) => call(reader, 'PUT', '/api/community/preferences', preferences);
    expect((await save({ expandWarnedStories: true, alwaysCollapsedWarnings: [] })).statusCode).toBe(200);
    expect(matchedWords((await byPost(reader)).get(story.postId)!.excerpt)).toEqual([word]);
    expect((await save({ expandWarnedStories: true, alwaysCollapsedWarnings: ['overdose'] })).statusCode).toBe(200);
    expect((await byPost(reader)).get(story.postId)!.excerpt).toEqual([]);
  });
});

describe('order and pages', () => {
  it('pages newest first with the cursor, every post once, even when times are equal', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, { title: `Daily check-in ${word}`, body: 'Day one.' });
    const replies: string[] = [];
    for (let day = 2; day <= 45; day += 1)
      replies.push(await reply(author, topicId, `Day ${day} ${word}, still here.`));
    // Ten posts share one instant: the id decides among them, and no page repeats or skips one.
    await setCreatedAt(replies.slice(10, 20), new Date('2025-06-01T12:00:00.000Z'));

    const pages = await allPages(viewer, { q: word, sort: 'newest' });
    expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
    const found = pages.flat();
    expect(new Set(found.map((result) => result.postId))).toEqual(new Set([postId, ...replies]));
    expect(found).toHaveLength(45);
    const times = found.map((result) => result.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('ranks by relevance, pages through the ranked matches, then stops', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const best = await startTopic(author, {
      title: `${word} and ${word} again`,
      body: `All about ${word}: ${word} in the morning, ${word} at night.`,
    });
    const replies: string[] = [];
    for (let index = 0; index < 24; index += 1) {
      replies.push(
        await reply(
          author,
          best.topicId,
          `Post ${index} mentions ${word} once, among many other words about meetings, sponsors and sleep.`,
        ),
      );
    }
    const pages = await allPages(viewer, { q: word });
    expect(pages.map((page) => page.length)).toEqual([20, 5]);
    expect(pages[0]![0]!.postId).toBe(best.postId);
    expect(new Set(pages.flat().map((result) => result.postId))).toEqual(new Set([best.postId, ...replies]));
  });

  it('refuses a cursor it did not give, or one from the other order', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId } = await startTopic(author, { title: `Cursor ${word}`, body: 'One.' });
    for (let index = 0; index < 21; index += 1) await reply(author, topicId, `Reply ${index} ${word}.`);
    const newest = await search(viewer, { q: word, sort: 'newest' });
    const relevant = await search(viewer, { q: word, sort: 'relevant' });
    expect(newest.nextCursor).toBeTruthy();
    expect(relevant.nextCursor).toBeTruthy();
    for (const [sort, cursor] of [
      ['relevant', newest.nextCursor!],
      ['newest', relevant.nextCursor!],
      ['newest', 'not-a-cursor'],
      ['relevant', Buffer.from(JSON.stringify({ offset: 5000 })).toString('base64url')],
      ['relevant', Buffer.from(JSON.stringify({ offset: -20 })).toString('base64url')],
      ['newest', Buffer.from(JSON.stringify({ at: 'yesterday', id: 'x' })).toString('base64url')],
    ] as const) {
      const response = await call(viewer, 'GET', searchUrl({ q: word, sort, cursor }));
      expect(response.statusCode, `${sort} ${cursor}`).toBe(400);
      expect(errorOf(response).code).toBe('invalid_input');
    }
  });
});

describe('what the search box may receive', () => {
  it('answers no results for words that are all stop words or punctuation', async () => {
    for (const q of ['the and of', '""', '--', ':*', '&|!', '!!!!', '( )', '" "', '-the', 'or or', '<>']) {
      const response = await call(viewer, 'GET', searchUrl({ q }));
      expect(response.statusCode, `${JSON.stringify(q)}: ${response.body}`).toBe(200);
      expect(response.json()).toEqual({ results: [], nextCursor: null });
    }
  });

  it('answers 400 for a search too short or too long or with a NUL character, and 401 when signed out', async () => {
    // A NUL character is refused at the edge, as in every input.
    for (const q of ['', 'a', ' b ', '"', '-', 'x'.repeat(201), '\u0000\u0000', 'craving\u0000']) {
      const response = await call(viewer, 'GET', searchUrl({ q }));
      expect(response.statusCode, JSON.stringify(q)).toBe(400);
      expect(errorOf(response).code).toBe('invalid_input');
    }
    expect((await call(viewer, 'GET', '/api/community/search')).statusCode).toBe(400);
    expect((await call(viewer, 'GET', searchUrl({ q: 'craving', from: '2025-02-30' }))).statusCode).toBe(400);
    expect((await call(null, 'GET', searchUrl({ q: 'craving' }))).statusCode).toBe(401);
  });

  it('handles search syntax, long words and odd characters without an error', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { postId } = await startTopic(author, { title: `Odd input ${word}`, body: 'Nothing special.' });
    const queries = [
      `${word}:*`,
      `${word} & | !`,
      `"${word}`,
      `${word}"`,
      `-${word}`,
      `${word} -`,
      `(${word})`,
      `${word}'s`,
      `'${word}'`,
      `${word} ${'w'.repeat(185)}`,
      'w'.repeat(200),
      `${word} \u0002 \u0003`,
      `${word} <b>bold</b>`,
      `${word} 💛🙏 日本語`,
      `${word} \\ / % _`,
      `${word} OR`,
      `${word} or -`,
    ];
    for (const q of queries) {
      for (const sort of ['relevant', 'newest']) {
        const response = await call(viewer, 'GET', searchUrl({ q, sort }));
        expect(response.statusCode, `${JSON.stringify(q)} ${sort}: ${response.body}`).toBe(200);
      }
    }
    expect(await foundPostIds(viewer, { q: `${word}:*` })).toEqual([postId]);
    expect(await foundPostIds(viewer, { q: `-${word}`, category: 'no-such-forum' })).toEqual([]);
  });

  it('never answers 5xx, whatever the query string', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '',
        ' ',
        '"',
        '-',
        ':*',
        '&|!',
        '\u0000',
        '2025-01-01',
        '9999-12-31',
        '0001-01-01',
        'x'.repeat(300),
      ),
    );
    const parameters = fc.record(
      {
        q: value,
        category: fc.oneof(value, fc.constantFrom('early-recovery', 'resources')),
        author: value,
        from: value,
        to: value,
        sort: fc.oneof(value, fc.constantFrom('relevant', 'newest')),
        cursor: fc.oneof(value, fc.base64String({ maxLength: 60 })),
      },
      { requiredKeys: ['q'] },
    );
    await fc.assert(
      fc.asyncProperty(parameters, async (parameters) => {
        const response = await call(viewer, 'GET', searchUrl(parameters));
        expect(response.statusCode, `${searchUrl(parameters)} -> ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});

describe('excerptPartsOf', () => {
  it('splits highlighted text into plain parts', () => {
    expect(excerptPartsOf('I had a \u0002craving\u0003 and  \u0002called\u0003\n my sponsor')).toEqual([
      { text: 'I had a ', isMatch: false },
      { text: 'craving', isMatch: true },
      { text: ' and ', isMatch: false },
      { text: 'called', isMatch: true },
      { text: ' my sponsor', isMatch: false },
    ]);
    expect(excerptPartsOf('')).toEqual([]);
    expect(excerptPartsOf('\u0002only\u0003')).toEqual([{ text: 'only', isMatch: true }]);
    expect(excerptPartsOf('unclosed \u0002match')).toEqual([
      { text: 'unclosed ', isMatch: false },
      { text: 'match', isMatch: true },
    ]);
  });
});
