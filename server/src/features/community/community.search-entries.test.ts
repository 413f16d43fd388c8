import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '@kindred/common/community';
import { buildMember, type BuiltMember } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { setMemberRole } from '../accounts/accounts.service.ts';
import { publishArticle } from './community.articles.ts';
import { writeEverySearchEntry } from './community.queries.ts';
import { postSearchEntries } from './community.tables.ts';

// Search reads post_search_entries, which the writes keep true: each test changes a post or a
// topic the way members and moderators do, and checks what search finds afterwards.

let t: TestApp;
let categoryIds: Map<string, string>;
let viewer: BuiltMember;
let moderator: BuiltMember;
beforeAll(async () => {
  t = await createTestApp({ env: { COMMUNITY_NEW_MEMBER_DAYS: '0', COMMUNITY_DUPLICATE_POST_MINUTES: '0' } });
  viewer = await buildMember(t.ctx);
  moderator = await buildMember(t.ctx);
  await setMemberRole(t.ctx, moderator.handle, 'moderator');
  const response = await call(viewer, 'GET', '/api/community/categories');
  categoryIds = new Map(
    response.json<{ categories: Array<{ id: string; slug: string }> }>().categories.map((c) => [c.slug, c.id]),
  );
});
afterAll(() => t.close());

function call(member: BuiltMember, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: member.cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
}

/** A made-up word no other test uses (consonants only: the stemmer leaves it alone). */
function uniqueWord(): string {
  const letters = 'bcdfghjkmnpqrtvwxz';
  return `zq${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

async function startTopic(member: BuiltMember, title: string, body: string, category = 'questions-and-advice') {
  const response = await call(member, 'POST', '/api/community/topics', {
    categoryId: categoryIds.get(category),
    title,
    body,
    kind: 'discussion',
    contentWarnings: [],
    isAnonymous: false,
  });
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json<{ topic: { id: string }; post: { id: string } }>();
  return { topicId: created.topic.id, postId: created.post.id };
}

async function reply(member: BuiltMember, topicId: string, body: string): Promise<string> {
  const response = await call(member, 'POST', `/api/community/topics/${topicId}/posts`, { body, isAnonymous: false });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ post: { id: string } }>().post.id;
}

/** The ids search finds for these words (newest first), in one forum when asked. */
async function found(q: string, category?: string): Promise<string[]> {
  const query = new URLSearchParams({ q, sort: 'newest', ...(category && { category }) });
  const response = await call(viewer, 'GET', `/api/community/search?${query.toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResponse>().results.map((result) => result.postId);
}

async function moderate(path: string, method: 'POST' | 'PATCH', body: object) {
  const response = await call(moderator, method, path, { reason: 'Testing search', ...body });
  expect(response.statusCode, response.body).toBe(200);
}

describe('search after posts and topics change', () => {
  it('finds a new topic and a new reply at once', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, `Fresh ${word}`, 'First words.');
    const replyId = await reply(author, topicId, `A reply with ${word}.`);
    expect(await found(word)).toEqual([replyId, postId]);
  });

  it('finds a hidden post no more, and again once it is shown', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, `Kept ${word}`, 'Text.');
    const replyId = await reply(author, topicId, `Hidden soon ${word}.`);
    await moderate(`/api/moderation/posts/${replyId}/hide`, 'POST', {});
    expect(await found(word)).toEqual([postId]);
    await moderate(`/api/moderation/posts/${replyId}/unhide`, 'POST', {});
    expect(await found(word)).toEqual([replyId, postId]);
  });

  it('finds nothing in a hidden topic, and all of it again once it is shown', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, `Topic ${word}`, 'Text.');
    const replyId = await reply(author, topicId, `Reply ${word}.`);
    await moderate(`/api/moderation/topics/${topicId}`, 'PATCH', { isHidden: true });
    expect(await found(word)).toEqual([]);
    // Locking or pinning a hidden topic changes nothing for search.
    await moderate(`/api/moderation/topics/${topicId}`, 'PATCH', { isLocked: true });
    expect(await found(word)).toEqual([]);
    await moderate(`/api/moderation/topics/${topicId}`, 'PATCH', { isHidden: false });
    expect(await found(word)).toEqual([replyId, postId]);
  });

  it('finds a moved topic under its new forum and not under the old one', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, `Moving ${word}`, 'Text.', 'early-recovery');
    const replyId = await reply(author, topicId, `Reply ${word}.`);
    expect(await found(word, 'early-recovery')).toEqual([replyId, postId]);
    await moderate(`/api/moderation/topics/${topicId}`, 'PATCH', { categoryId: categoryIds.get('mental-health') });
    expect(await found(word, 'early-recovery')).toEqual([]);
    expect(await found(word, 'mental-health')).toEqual([replyId, postId]);
    expect(await found(word)).toEqual([replyId, postId]);
  });

  it('finds the edited words and not the old ones, in the title too', async () => {
    const [oldWord, newWord, oldTitleWord, newTitleWord] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    const author = await buildMember(t.ctx);
    const { topicId, postId } = await startTopic(author, `Title ${oldTitleWord}`, `Body ${oldWord}.`);
    const replyId = await reply(author, topicId, `Reply ${oldWord}.`);
    const edit = await call(author, 'PATCH', `/api/community/posts/${postId}`, {
      title: `Title ${newTitleWord}`,
      body: `Body ${newWord}.`,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const editReply = await call(author, 'PATCH', `/api/community/posts/${replyId}`, { body: `Reply ${newWord}.` });
    expect(editReply.statusCode, editReply.body).toBe(200);
    expect(await found(oldWord)).toEqual([]);
    expect(await found(oldTitleWord)).toEqual([]);
    expect(await found(newWord)).toEqual([replyId, postId]);
    expect(await found(newTitleWord)).toEqual([postId]);
  });

  it('finds a deleted post no more, nor a topic deleted with its opening post', async () => {
    const word = uniqueWord();
    const author = await buildMember(t.ctx);
    const kept = await startTopic(author, `Kept ${word}`, 'Text.');
    const replyId = await reply(author, kept.topicId, `Deleted soon ${word}.`);
    const alone = await startTopic(author, `Alone ${word}`, 'Only post.');
    expect(await found(word)).toHaveLength(3);
    expect((await call(author, 'DELETE', `/api/community/posts/${replyId}`)).statusCode).toBe(204);
    expect((await call(author, 'DELETE', `/api/community/posts/${alone.postId}`)).statusCode).toBe(204);
    expect(await found(word)).toEqual([kept.postId]);
  });

  it('finds an article’s comments in the resources forum only, not across the forums', async () => {
    const word = uniqueWord();
    await publishArticle(t.ctx, {
      slug: `article-${word}`,
      title: `About ${word}`,
      summary: 'A summary.',
      subjects: [],
      bodyMarkdown: 'Text.',
    });
    const article = await call(viewer, 'GET', `/api/resources/articles/article-${word}`);
    const topicId = article.json<{ article: { discussionTopicId: string } }>().article.discussionTopicId;
    const commentId = await reply(await buildMember(t.ctx), topicId, `A comment on ${word}.`);
    expect(await found(word, 'resources')).toEqual([commentId]);
    expect(await found(word)).toEqual([]);
  });

  // Last: by now the tests above have hidden, moved, edited and deleted posts and topics.
  it('writes in bulk exactly the entries the writes kept (the bench loads a million posts with it)', async () => {
    const entries = () => t.ctx.db.select().from(postSearchEntries).orderBy(postSearchEntries.postId);
    const kept = await entries();
    expect(kept.length).toBeGreaterThan(10);
    await t.ctx.db.delete(postSearchEntries);
    await writeEverySearchEntry(t.ctx.db);
    expect(await entries()).toEqual(kept);
  });
});
