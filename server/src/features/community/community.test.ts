import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from '../../../test/factories.ts';
import { buildModerator, caller, categoryId, reply, startTopic, uniqueText } from '../../../test/community-helpers.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { setMemberRole } from '../accounts/accounts.service.ts';
import { publishArticle } from './community.articles.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
});
afterAll(() => t.close());

async function topicPage(member: BuiltMember, topicId: string) {
  const response = await call(member, 'GET', `/api/community/topics/${topicId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('forums', () => {
  it('ships the default forums, in order, to signed-in members only', async () => {
    const member = await buildMember(t.ctx);
    const response = await call(member, 'GET', '/api/community/categories');
    expect(response.json().categories.map((category: { name: string }) => category.name)).toEqual([
      'Introductions',
      'Early recovery',
      'Recovery stories',
      'Questions and advice',
      'Coping with cravings',
      'Family and friends',
      'Mental health',
      'Milestones',
    ]);
    expect((await call(null, 'GET', '/api/community/categories')).statusCode).toBe(401);
  });

  it('lets admins add, rename and remove an empty forum, and refuses members', async () => {
    const member = await buildMember(t.ctx);
    const admin = await buildMember(t.ctx);
    await setMemberRole(t.ctx, admin.handle, 'admin');
    const input = { name: 'Sober parents', slug: 'sober-parents', description: 'Raising kids in recovery.' };
    expect((await call(member, 'POST', '/api/community/categories', input)).statusCode).toBe(403);
    const created = await call(admin, 'POST', '/api/community/categories', input);
    expect(created.statusCode).toBe(201);
    const id = created.json().category.id;
    const taken = await call(admin, 'POST', '/api/community/categories', input);
    expect(taken.statusCode).toBe(400);
    const renamed = await call(admin, 'PATCH', `/api/community/categories/${id}`, { name: 'Parents in recovery' });
    expect(renamed.json().category.name).toBe('Parents in recovery');
    await startTopic(t, member, { categoryId: id });
    expect((await call(admin, 'DELETE', `/api/community/categories/${id}`)).statusCode).toBe(409);
    const empty = await call(admin, 'POST', '/api/community/categories', { ...input, slug: 'empty-one' });
    expect((await call(admin, 'DELETE', `/api/community/categories/${empty.json().category.id}`)).statusCode).toBe(204);
  });
});

describe('topics and replies', () => {
  it('starts a topic with sanitized Markdown, lists it first, and counts replies and unread posts', async () => {
    const author = await buildMember(t.ctx);
    const reader = await buildMember(t.ctx);
    const { topic, post, crisisSupport } = await startTopic(t, author, {
      title: uniqueText('Day three'),
      body: 'Feeling **steady** today <script>alert(1)</script> [link](javascript:alert(1))',
    });
    expect(crisisSupport).toBeNull();
    expect(post.number).toBe(1);
    expect(post.bodyHtml).toContain('<strong>steady</strong>');
    expect(post.bodyHtml).not.toContain('<script');
    expect(post.bodyHtml).not.toMatch(/href="javascript/i);
    expect(topic.author).toMatchObject({ handle: author.handle, isYou: true });

    const list = (await call(reader, 'GET', '/api/community/topics?category=early-recovery')).json();
    const listed = list.topics.find((entry: { id: string }) => entry.id === topic.id);
    expect(listed).toMatchObject({ replyCount: 0, unreadCount: 1, hasBeenRead: false });

    await reply(t, reader, topic.id);
    const page = await topicPage(author, topic.id);
    expect(page.posts).toHaveLength(2);
    expect(page.topic.replyCount).toBe(1);
    expect(page.topic.unreadCount).toBe(1);
    expect(
      (await call(author, 'PUT', `/api/community/topics/${topic.id}/read`, { lastReadNumber: 2 })).statusCode,
    ).toBe(204);
    expect((await topicPage(author, topic.id)).topic.unreadCount).toBe(0);
  });

  it('nests a reply under the reply it answers and refuses a parent from another topic', async () => {
    const member = await buildMember(t.ctx);
    const { topic } = await startTopic(t, member);
    const { topic: other } = await startTopic(t, member);
    const first = await reply(t, member, topic.id);
    const answer = await reply(t, member, topic.id, { parentId: first.post.id });
    expect(answer.post.parentId).toBe(first.post.id);
    expect(answer.post.parentAuthorHandle).toBe(member.handle);
    const wrong = await call(member, 'POST', `/api/community/topics/${other.id}/posts`, {
      body: uniqueText(),
      parentId: first.post.id,
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('refuses empty, too long and unknown input with the field named, and never writes half', async () => {
    const member = await buildMember(t.ctx);
    const category = await categoryId(t, member);
    for (const body of [
      { categoryId: category, title: 'ok title', body: '' },
      { categoryId: category, title: 'x', body: 'hello there' },
      { categoryId: category, title: 'ok title', body: 'x'.repeat(20_001) },
      { categoryId: category, title: 'ok title', body: 'hi', extra: true },
      { categoryId: 'not-a-uuid', title: 'ok title', body: 'hi' },
    ]) {
      const response = await call(member, 'POST', '/api/community/topics', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(response).code).toBe('invalid_input');
    }
    const unknownForum = await call(member, 'POST', '/api/community/topics', {
      categoryId: '00000000-0000-4000-8000-000000000000',
      title: 'ok title',
      body: 'hi there',
    });
    expect(unknownForum.statusCode).toBe(400);
    const mine = (await call(member, 'GET', '/api/community/topics'))
      .json()
      .topics.filter((entry: { author: { isYou: boolean } }) => entry.author.isYou);
    expect(mine).toHaveLength(0);
  });

  it('refuses the same text twice within minutes', async () => {
    const member = await buildMember(t.ctx);
    const { topic } = await startTopic(t, member);
    const body = uniqueText('Same words twice');
    await reply(t, member, topic.id, { body });
    const again = await call(member, 'POST', `/api/community/topics/${topic.id}/posts`, { body });
    expect(again.statusCode).toBe(409);
  });

  it('lets the author edit and delete their own post, keeps the history for moderators, and refuses others', async () => {
    const author = await buildMember(t.ctx);
    const other = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const { topic, post } = await startTopic(t, author, { title: 'Original title here', body: 'First words' });
    expect((await call(other, 'PATCH', `/api/community/posts/${post.id}`, { body: 'hijack' })).statusCode).toBe(403);
    expect((await call(other, 'GET', `/api/community/posts/${post.id}/source`)).statusCode).toBe(404);
    const source = (await call(author, 'GET', `/api/community/posts/${post.id}/source`)).json();
    expect(source).toEqual({ title: 'Original title here', body: 'First words' });
    const edited = await call(author, 'PATCH', `/api/community/posts/${post.id}`, {
      body: 'Second words',
      title: 'A better title',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().post.editedAt).not.toBeNull();
    expect((await topicPage(other, topic.id)).topic.title).toBe('A better title');
    expect((await call(other, 'GET', `/api/community/posts/${post.id}/revisions`)).statusCode).toBe(404);
    const history = (await call(moderator, 'GET', `/api/community/posts/${post.id}/revisions`)).json();
    expect(history.currentMarkdown).toBe('Second words');
    expect(history.revisions[0]).toMatchObject({ title: 'Original title here', bodyMarkdown: 'First words' });

    const answer = await reply(t, other, topic.id);
    expect((await call(author, 'DELETE', `/api/community/posts/${answer.post.id}`)).statusCode).toBe(403);
    expect((await call(other, 'DELETE', `/api/community/posts/${answer.post.id}`)).statusCode).toBe(204);
    const page = await topicPage(author, topic.id);
    const deleted = page.posts.find((entry: { id: string }) => entry.id === answer.post.id);
    expect(deleted).toMatchObject({ isDeleted: true, bodyHtml: null });
  });

  it('locks and pins topics for moderators only; a locked topic takes no replies', async () => {
    const member = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const category = await categoryId(t, member, 'milestones');
    const { topic } = await startTopic(t, member, { categoryId: category });
    const lock = { reason: 'Heated', isLocked: true, isPinned: true };
    expect((await call(member, 'PATCH', `/api/moderation/topics/${topic.id}`, lock)).statusCode).toBe(404);
    const locked = await call(moderator, 'PATCH', `/api/moderation/topics/${topic.id}`, lock);
    expect(locked.statusCode).toBe(200);
    expect(locked.json().topic).toMatchObject({ isLocked: true, isPinned: true });
    const refused = await call(member, 'POST', `/api/community/topics/${topic.id}/posts`, { body: uniqueText() });
    expect(refused.statusCode).toBe(403);
    await startTopic(t, member, { categoryId: category });
    const list = (await call(member, 'GET', '/api/community/topics?category=milestones')).json();
    expect(list.topics[0].id).toBe(topic.id);
  });
});

describe('reactions, follows and notifications', () => {
  it('gives one of each reaction per member and tells the author once', async () => {
    const author = await buildMember(t.ctx);
    const friend = await buildMember(t.ctx);
    const { topic, post } = await startTopic(t, author);
    const url = `/api/community/posts/${post.id}/reactions/support`;
    await call(friend, 'PUT', url);
    const twice = await call(friend, 'PUT', url);
    expect(twice.json().post.reactionCounts.support).toBe(1);
    expect(twice.json().post.myReactions).toEqual(['support']);
    await call(friend, 'PUT', `/api/community/posts/${post.id}/reactions/me_too`);
    expect((await call(friend, 'PUT', `/api/community/posts/${post.id}/reactions/hug`)).statusCode).toBe(400);
    const back = await call(friend, 'DELETE', url);
    expect(back.json().post.reactionCounts).toMatchObject({ support: 0, me_too: 1 });

    const notifications = (await call(author, 'GET', '/api/notifications')).json();
    const reactions = notifications.notifications.filter((entry: { kind: string }) => entry.kind === 'post_reacted');
    expect(reactions).toHaveLength(2);
    expect(reactions[0].text).toContain(`@${friend.handle}`);
    expect(reactions[0].link).toBe(`/community/t/${topic.id}#post-1`);
  });

  it('notifies replies to my topic and my reply, and mentions; the bell counts and clears', async () => {
    const author = await buildMember(t.ctx);
    const replier = await buildMember(t.ctx);
    const mentioned = await buildMember(t.ctx);
    const { topic } = await startTopic(t, author, { title: 'Notify me please' });
    const first = await reply(t, replier, topic.id);
    await reply(t, author, topic.id, { parentId: first.post.id, body: `Thanks, and hi @${mentioned.handle}!` });

    const bell = (await call(author, 'GET', '/api/notifications/unread-count')).json();
    expect(bell.unreadCount).toBe(1);
    const mine = (await call(author, 'GET', '/api/notifications')).json();
    expect(mine.notifications[0]).toMatchObject({ kind: 'topic_replied', isRead: false });
    expect(mine.notifications[0].text).toBe(`@${replier.handle} replied to your topic “Notify me please”`);
    expect((await call(replier, 'GET', '/api/notifications')).json().notifications[0].kind).toBe('post_replied');
    expect((await call(mentioned, 'GET', '/api/notifications')).json().notifications[0].kind).toBe('mentioned');

    const read = await call(author, 'POST', '/api/notifications/read', { ids: [mine.notifications[0].id] });
    expect(read.json().unreadCount).toBe(0);
    expect((await call(author, 'POST', '/api/notifications/read', {})).json().unreadCount).toBe(0);
  });

  it('follows and unfollows, lists followed topics, and tells followers about new replies', async () => {
    const author = await buildMember(t.ctx);
    const reader = await buildMember(t.ctx);
    const { topic } = await startTopic(t, author);
    expect((await call(reader, 'PUT', `/api/community/topics/${topic.id}/follow`)).statusCode).toBe(204);
    const followed = (await call(reader, 'GET', '/api/community/topics?following=true')).json();
    expect(followed.topics.map((entry: { id: string }) => entry.id)).toEqual([topic.id]);
    const third = await buildMember(t.ctx);
    await reply(t, third, topic.id);
    const told = (await call(reader, 'GET', '/api/notifications')).json().notifications;
    expect(told.map((entry: { text: string }) => entry.text)).toEqual([
      `@${third.handle} replied in “${topic.title}”, a topic you follow`,
    ]);
    await call(reader, 'DELETE', `/api/community/topics/${topic.id}/follow`);
    expect((await call(reader, 'GET', '/api/community/topics?following=true')).json().topics).toEqual([]);
  });
});

describe('anonymous posting', () => {
  it('shows "anonymous" to members, the author to themself and to moderators, and leaks it nowhere else', async () => {
    const author = await buildMember(t.ctx);
    const reader = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const { topic } = await startTopic(t, author, {
      isAnonymous: true,
      body: `Something I cannot say under my name. cc @${reader.handle}`,
    });
    const replyByAnonymous = await reply(t, author, topic.id, { isAnonymous: true });
    await reply(t, reader, topic.id, { parentId: replyByAnonymous.post.id });

    for (const response of [
      await call(reader, 'GET', `/api/community/topics/${topic.id}`),
      await call(reader, 'GET', '/api/community/topics'),
      await call(reader, 'GET', '/api/notifications'),
    ]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(author.handle);
      expect(response.body).not.toContain(author.user.id);
    }
    const asReader = await topicPage(reader, topic.id);
    expect(asReader.topic.author).toEqual({ handle: null, isAnonymous: true, isYou: false, isNewMember: false });
    expect(asReader.posts[2].parentAuthorHandle).toBeNull();
    const mention = (await call(reader, 'GET', '/api/notifications')).json().notifications;
    expect(mention.map((entry: { text: string }) => entry.text)).toContain(
      `An anonymous member mentioned you in “${topic.title}”`,
    );
    expect((await topicPage(author, topic.id)).topic.author).toMatchObject({ handle: author.handle, isYou: true });
    expect((await topicPage(moderator, topic.id)).topic.author).toMatchObject({
      handle: author.handle,
      isAnonymous: true,
    });
  });
});

describe('recovery stories and content warnings', () => {
  it('folds a story behind its warnings unless the reader chose to open them, except those kept folded', async () => {
    const author = await buildMember(t.ctx);
    const reader = await buildMember(t.ctx);
    const stories = await categoryId(t, author, 'recovery-stories');
    const { topic } = await startTopic(t, author, {
      categoryId: stories,
      kind: 'story',
      contentWarnings: ['relapse', 'overdose'],
    });
    expect(topic.contentWarnings).toEqual(['relapse', 'overdose']);
    expect((await topicPage(reader, topic.id)).topic.isCollapsed).toBe(true);

    const open = { expandWarnedStories: true, alwaysCollapsedWarnings: [] };
    expect((await call(reader, 'PUT', '/api/community/preferences', open)).statusCode).toBe(200);
    expect((await topicPage(reader, topic.id)).topic.isCollapsed).toBe(false);
    await call(reader, 'PUT', '/api/community/preferences', { ...open, alwaysCollapsedWarnings: ['overdose'] });
    expect((await topicPage(reader, topic.id)).topic.isCollapsed).toBe(true);
    expect(
      (await call(reader, 'GET', '/api/community/preferences')).json().preferences.alwaysCollapsedWarnings,
    ).toEqual(['overdose']);
    const discussion = await startTopic(t, author, { contentWarnings: ['grief'] });
    expect(discussion.topic.contentWarnings).toEqual([]);
  });
});

describe('crisis language', () => {
  it('publishes the post, answers the author with help at once, and puts a priority item in the queue', async () => {
    const author = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const { topic, post, crisisSupport } = await startTopic(t, author, {
      title: 'I can’t do this anymore',
      body: 'I have been saving my pills and I am going to kill myself tonight.',
    });
    expect(crisisSupport).not.toBeNull();
    expect(crisisSupport.resources.map((resource: { name: string }) => resource.name).join(' ')).toContain('988');
    expect(crisisSupport.emergencyNumber).toBe('911');
    expect((await topicPage(author, topic.id)).posts[0].bodyHtml).toContain('saving my pills');

    const queue = (await call(moderator, 'GET', '/api/moderation/queue')).json();
    const item = queue.items.find((entry: { subject: { id: string } }) => entry.subject.id === post.id);
    expect(item).toMatchObject({ kind: 'crisis', isPriority: true });
    expect(item.crisisKinds).toContain('suicide');

    const ordinary = await startTopic(t, author, { body: 'I really wanted a drink today but I called my sponsor.' });
    expect(ordinary.crisisSupport).toBeNull();
  });
});

describe('blocking', () => {
  it('hides the blocked member’s posts and notifications from me, and stops them replying to me, silently', async () => {
    const me = await buildMember(t.ctx);
    const them = await buildMember(t.ctx);
    const { topic } = await startTopic(t, me);
    const theirs = await startTopic(t, them);
    await reply(t, them, topic.id);
    expect((await call(me, 'PUT', `/api/safety/blocks/${them.handle}`)).statusCode).toBe(204);
    expect((await call(me, 'GET', '/api/safety/blocks')).json().blocks[0].handle).toBe(them.handle);

    const list = (await call(me, 'GET', '/api/community/topics'))
      .json()
      .topics.map((entry: { id: string }) => entry.id);
    expect(list).toContain(topic.id);
    expect(list).not.toContain(theirs.topic.id);
    expect((await call(me, 'GET', '/api/notifications')).json().notifications).toEqual([]);

    const refused = await call(them, 'POST', `/api/community/topics/${topic.id}/posts`, { body: uniqueText() });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).message).not.toMatch(/block/i);
    await reply(t, them, theirs.topic.id, { body: `hey @${me.handle}` });
    expect((await call(me, 'GET', '/api/notifications/unread-count')).json().unreadCount).toBe(0);
    expect((await call(me, 'PUT', `/api/safety/blocks/${me.handle}`)).statusCode).toBe(400);
    expect((await call(me, 'DELETE', `/api/safety/blocks/${them.handle}`)).statusCode).toBe(204);
    await reply(t, them, topic.id);
  });
});

describe('resource articles', () => {
  it('are public, and their comments are a topic members reply to', async () => {
    await publishArticle(t.ctx, {
      slug: 'what-is-peer-support',
      title: 'What is peer support?',
      summary: 'Help from people who have been there.',
      subjects: ['peer support'],
      bodyMarkdown: 'Peer support is **mutual**.',
    });
    const list = await call(null, 'GET', '/api/resources/articles');
    expect(list.statusCode).toBe(200);
    const article = (await call(null, 'GET', '/api/resources/articles/what-is-peer-support')).json().article;
    expect(article.bodyHtml).toContain('<strong>mutual</strong>');
    const member = await buildMember(t.ctx);
    const comment = await reply(t, member, article.discussionTopicId);
    expect(comment.post.number).toBe(1);
    const page = await topicPage(member, article.discussionTopicId);
    expect(page.topic.articleSlug).toBe('what-is-peer-support');
    expect(page.topic.replyCount).toBe(1);
    expect((await call(null, 'GET', '/api/resources/articles/nope')).statusCode).toBe(404);
    const forums = (await call(member, 'GET', '/api/community/topics')).json().topics;
    expect(forums.map((entry: { id: string }) => entry.id)).not.toContain(article.discussionTopicId);
  });
});
