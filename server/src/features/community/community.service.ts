/**
 * The forums: categories, topics and stories, replies, reactions, follows and read markers,
 * preferences, and resource articles (whose comments are a topic). Every write is checked against
 * the trust limits, renders Markdown once, and runs the crisis-language matcher.
 */
import { z } from 'zod';
import {
  postReactionLabels,
  type categoryInputSchema,
  type CategoryList,
  type CategoryUpdate,
  type CommunityPreferences,
  type ContentWarning,
  type CrisisSupport,
  type Post,
  type PostReaction,
  type PostRevisionList,
  type TopicCreated,
  type TopicKind,
  type TopicList,
  type TopicListQuery,
  type TopicResponse,
} from '@kindred/common/community';
import type { Database } from '../../db/client.ts';
import { recordAuditEvent } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { renderMarkdown, type RenderedMarkdown } from '../../platform/markdown.ts';
import { findMemberByHandle, findMemberCardsByIds } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { notifyMembers, type Notice } from '../notifications/notifications.service.ts';
import { findBlockedIds, hasBlocked, listOwnBlocks } from '../safety/safety.blocks.ts';
import { assessMemberText, buildCrisisSupport, raiseCrisisItem } from '../safety/safety.crisis.ts';
import { canModerate } from '../safety/safety.policy.ts';
import { canDeletePost, canEditPost, canReadTopic, canReplyToTopic, type Viewer } from './community.policy.ts';
import {
  presentCategory,
  presentPost,
  presentTopicDetail,
  presentTopicSummary,
  type PresentingContext,
  type ReactionSummary,
} from './community.presenters.ts';
import {
  advanceReadMarker,
  countPostsByAuthorSince,
  countTopicsInCategory,
  deleteCategory,
  deleteFollow,
  deleteReaction,
  findArticleByTopicId,
  findCategoriesByIds,
  findCategoryById,
  findCategoryBySlug,
  findLastPostTime,
  findPostById,
  findPostsByIds,
  findPreferences,
  findReactionsForPosts,
  findTopicById,
  findTopicsByIds,
  findTopicStateForViewer,
  hasSamePostSince,
  insertCategory,
  insertFollow,
  insertPost,
  moveSearchEntriesOfTopic,
  insertReaction,
  insertRevision,
  insertTopic,
  listFollowerIds,
  listCategoriesWithActivity,
  listPostsOfTopic,
  listPostsWrittenBy,
  listReactionsGivenBy,
  listRevisionsOfPost,
  listTopicsForViewer,
  setPostHidden,
  lockAuthorForWriting,
  takeNextPostNumber,
  updateCategory,
  updatePost,
  updateTopic,
  writeSearchEntries,
  upsertPreferences,
  type CategoryRow,
  type PostRow,
  type TopicRow,
} from './community.queries.ts';

const TOPIC_PAGE_SIZE = 30;
const POST_PAGE_SIZE = 100;
const topicCursorSchema = z.object({ isPinned: z.boolean(), at: z.iso.datetime({ offset: true }), id: z.uuid() });

const defaultPreferences: CommunityPreferences = { expandWarnedStories: false, alwaysCollapsedWarnings: [] };

function viewerOf(auth: Auth): Viewer {
  return { id: auth.user.id, role: auth.user.role };
}

/** Who is looking and what the presenters need to show these authors to them. */
export async function presentingContext(
  ctx: ServiceContext,
  auth: Auth,
  authorIds: readonly (string | null)[],
): Promise<PresentingContext> {
  return {
    viewer: viewerOf(auth),
    members: await findMemberCardsByIds(
      ctx,
      authorIds.filter((id): id is string => id !== null),
    ),
    preferences: (await findPreferences(ctx.db, auth.user.id)) ?? defaultPreferences,
    newMemberDays: ctx.config.community.newMemberDays,
  };
}

function requireAdmin(auth: Auth): void {
  if (auth.user.role !== 'admin') throw forbidden('Only admins manage the forums.');
}

/* ----------------------------------------------------------------- categories */

/** The forums, in order, with their topic counts. */
export async function listCategories(ctx: ServiceContext): Promise<CategoryList> {
  const rows = await listCategoriesWithActivity(ctx.db);
  return { categories: rows.map((row) => presentCategory(row.category, row.topicCount, row.lastActivityAt)) };
}

const slugTaken = () => invalidField('slug', 'Another forum already has that short name.');

/** Adds a forum (admins). */
export async function createCategory(ctx: ServiceContext, auth: Auth, input: z.output<typeof categoryInputSchema>) {
  requireAdmin(auth);
  return ctx.db.transaction(async (tx) => {
    const row = await insertCategory(tx, input);
    if (!row) throw slugTaken();
    await recordAuditEvent(tx, {
      action: 'community.category_created',
      actorId: auth.user.id,
      subjectId: null,
      details: { categoryId: row.id, slug: row.slug },
    });
    return presentCategory(row, 0, null);
  });
}

async function loadListedCategory(ctx: ServiceContext, id: string, db: Database = ctx.db): Promise<CategoryRow> {
  const category = await findCategoryById(db, id);
  if (!category || !category.isListed) throw notFound('We could not find that forum.');
  return category;
}

/** Renames, describes or reorders a forum (admins). */
export async function changeCategory(ctx: ServiceContext, auth: Auth, id: string, input: CategoryUpdate) {
  requireAdmin(auth);
  await loadListedCategory(ctx, id);
  const row = await updateCategory(ctx.db, id, input);
  if (row === 'taken') throw slugTaken();
  if (!row) throw notFound('We could not find that forum.');
  await recordAuditEvent(ctx.db, {
    action: 'community.category_changed',
    actorId: auth.user.id,
    subjectId: null,
    details: { categoryId: id, ...input },
  });
  const count = await countTopicsInCategory(ctx.db, id);
  return presentCategory(row, count, null);
}

/** Removes an empty forum (admins); one with topics answers 409: move them first. */
export async function removeCategory(ctx: ServiceContext, auth: Auth, id: string): Promise<void> {
  requireAdmin(auth);
  const category = await loadListedCategory(ctx, id);
  await ctx.db.transaction(async (tx) => {
    if ((await countTopicsInCategory(tx, id)) > 0) {
      throw conflict('This forum still has topics. Move them to another forum first.');
    }
    await deleteCategory(tx, id);
    await recordAuditEvent(tx, {
      action: 'community.category_removed',
      actorId: auth.user.id,
      subjectId: null,
      details: { categoryId: id, slug: category.slug },
    });
  });
}

/* ----------------------------------------------------------------- listing */

/** A page of topics: one forum's (pinned first) or the latest across the forums; or those I follow. */
export async function listTopics(ctx: ServiceContext, auth: Auth, query: TopicListQuery): Promise<TopicList> {
  const category = query.category ? await findCategoryBySlug(ctx.db, query.category) : null;
  if (query.category && !category) throw notFound('We could not find that forum.');
  const rows = await listTopicsForViewer(ctx.db, {
    viewerId: auth.user.id,
    categoryId: category?.id ?? null,
    followingOnly: query.following === 'true',
    blockedIds: await findBlockedIds(ctx, auth.user.id),
    includeHidden: canModerate(auth.user),
    after: decodeCursor(topicCursorSchema, query.cursor),
    limit: TOPIC_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, TOPIC_PAGE_SIZE);
  const categories = await findCategoriesByIds(
    ctx.db,
    page.map((row) => row.topic.categoryId),
  );
  const context = await presentingContext(
    ctx,
    auth,
    page.map((row) => row.topic.authorId),
  );
  const last = page.at(-1)?.topic;
  return {
    topics: page.map((row) => presentTopicSummary(row, categories.get(row.topic.categoryId)!, context)),
    nextCursor:
      rows.length > TOPIC_PAGE_SIZE && last
        ? encodeCursor({ isPinned: last.isPinned, at: last.lastPostedAt.toISOString(), id: last.id })
        : null,
  };
}

async function loadReadableTopic(ctx: ServiceContext, auth: Auth, topicId: string, db: Database = ctx.db) {
  const topic = await findTopicById(db, topicId);
  if (!topic || !canReadTopic(viewerOf(auth), topic)) throw notFound('We could not find that topic.');
  return topic;
}

async function summarizeReactions(ctx: ServiceContext, postIds: readonly string[], viewerId: string) {
  const byPost = new Map<string, ReactionSummary>();
  for (const row of await findReactionsForPosts(ctx.db, postIds, viewerId)) {
    const summary = byPost.get(row.postId) ?? { counts: new Map(), mine: new Set() };
    summary.counts.set(row.reaction, row.count);
    if (row.isMine) summary.mine.add(row.reaction);
    byPost.set(row.postId, summary);
  }
  return byPost;
}

/** Presents posts of one topic for a viewer, with their parents' authors and the reactions. */
async function presentPostsOf(ctx: ServiceContext, auth: Auth, topic: TopicRow, rows: readonly PostRow[]) {
  const parentIds = rows.flatMap((row) => (row.parentId ? [row.parentId] : []));
  const parents = await findPostsByIds(ctx.db, parentIds);
  const context = await presentingContext(ctx, auth, [
    ...rows.map((row) => row.authorId),
    ...[...parents.values()].map((row) => row.authorId),
  ]);
  const reactions = await summarizeReactions(
    ctx,
    rows.map((row) => row.id),
    auth.user.id,
  );
  return rows.map((row) =>
    presentPost(row, {
      topic,
      parent: row.parentId ? (parents.get(row.parentId) ?? null) : null,
      reactions: reactions.get(row.id),
      context,
    }),
  );
}

async function presentTopicFor(ctx: ServiceContext, auth: Auth, topic: TopicRow) {
  const category = (await findCategoryById(ctx.db, topic.categoryId))!;
  const state = await findTopicStateForViewer(ctx.db, topic.id, auth.user.id);
  const article = topic.isArticleDiscussion ? await findArticleByTopicId(ctx.db, topic.id) : null;
  const context = await presentingContext(ctx, auth, [topic.authorId]);
  return presentTopicDetail({ topic, ...state }, category, article?.slug ?? null, context);
}

/** A topic and a page of its posts, in order. */
export async function getTopicPage(
  ctx: ServiceContext,
  auth: Auth,
  topicId: string,
  afterNumber = 0,
): Promise<TopicResponse> {
  const topic = await loadReadableTopic(ctx, auth, topicId);
  const rows = await listPostsOfTopic(ctx.db, topic.id, afterNumber, POST_PAGE_SIZE + 1);
  const page = rows.slice(0, POST_PAGE_SIZE);
  return {
    topic: await presentTopicFor(ctx, auth, topic),
    posts: await presentPostsOf(ctx, auth, topic, page),
    nextAfter: rows.length > POST_PAGE_SIZE ? page.at(-1)!.number : null,
  };
}

/* ----------------------------------------------------------------- writing */

type Draft = { rendered: RenderedMarkdown; markdown: string };

function renderDraft(markdown: string): Draft {
  return { rendered: renderMarkdown(markdown), markdown };
}

/**
 * The trust limits, checked under the author's lock inside the writing transaction. New members
 * (their first day, by default) post a few topics and replies, some seconds apart, with few links;
 * nobody posts the same text twice within minutes.
 */
async function enforceWritingLimits(
  ctx: ServiceContext,
  db: Database,
  auth: Auth,
  draft: Draft,
  isOpeningPost: boolean,
): Promise<void> {
  const limits = ctx.config.community;
  await lockAuthorForWriting(db, auth.user.id);
  const now = Date.now();
  if (limits.duplicatePostMinutes > 0) {
    const since = new Date(now - limits.duplicatePostMinutes * 60_000);
    if (await hasSamePostSince(db, auth.user.id, draft.markdown, since)) {
      throw conflict('You posted this same text a few minutes ago. It is already there.');
    }
  }
  const isNewMember = auth.user.createdAt.getTime() > now - limits.newMemberDays * 24 * 60 * 60 * 1000;
  if (!isNewMember || canModerate(auth.user)) return;
  if (draft.rendered.linkCount > limits.newMemberLinksPerPost) {
    throw invalidField(
      'body',
      `On your first days here a post can hold up to ${limits.newMemberLinksPerPost} links to other sites. This keeps spam out.`,
    );
  }
  const lastPostedAt = await findLastPostTime(db, auth.user.id);
  if (lastPostedAt) {
    const waitSeconds = Math.ceil((lastPostedAt.getTime() + limits.newMemberSecondsBetweenPosts * 1000 - now) / 1000);
    if (waitSeconds > 0) {
      throw new AppError(
        'rate_limited',
        `New members wait ${limits.newMemberSecondsBetweenPosts} seconds between posts. Please try again in ${waitSeconds} seconds.`,
        { retryAfterSeconds: waitSeconds },
      );
    }
  }
  const dayAgo = new Date(now - 24 * 60 * 60 * 1000);
  const max = isOpeningPost ? limits.newMemberTopicsPerDay : limits.newMemberRepliesPerDay;
  if ((await countPostsByAuthorSince(db, auth.user.id, dayAgo, isOpeningPost)) >= max) {
    throw new AppError(
      'rate_limited',
      `On your first day a member can start ${limits.newMemberTopicsPerDay} topics and write ${limits.newMemberRepliesPerDay} replies. ` +
        'Thank you for joining in; you can post again tomorrow.',
      { retryAfterSeconds: 60 * 60 },
    );
  }
}

/** Mentions become notifications, except in an anonymous post's author's own name. */
async function mentionNotices(
  ctx: ServiceContext,
  handles: readonly string[],
  source: { actorId: string; isAnonymous: boolean; title: string; link: string },
): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const handle of handles) {
    const member = await findMemberByHandle(ctx, handle);
    if (!member) continue;
    notices.push({
      recipientId: member.id,
      kind: 'mentioned',
      actorId: source.actorId,
      isActorAnonymous: source.isAnonymous,
      subjectTitle: source.title,
      link: source.link,
    });
  }
  return notices;
}

function postLink(topicId: string, number: number): string {
  return `/community/t/${topicId}#post-${number}`;
}

async function crisisSupportIfNeeded(
  ctx: ServiceContext,
  auth: Auth,
  isCrisis: boolean,
): Promise<CrisisSupport | null> {
  return isCrisis ? buildCrisisSupport(ctx, auth.user.id) : null;
}

/** Starts a topic (or a recovery story) with its opening post. */
export async function createTopic(
  ctx: ServiceContext,
  auth: Auth,
  input: {
    categoryId: string;
    title: string;
    body: string;
    kind: TopicKind;
    contentWarnings: ContentWarning[];
    isAnonymous: boolean;
  },
): Promise<TopicCreated> {
  const category = await findCategoryById(ctx.db, input.categoryId);
  if (!category || !category.isListed) throw invalidField('categoryId', 'Choose one of the forums.');
  const draft = renderDraft(input.body);
  const crisis = assessMemberText(input.title, draft.rendered.plainText);
  const contentWarnings = input.kind === 'story' ? [...new Set(input.contentWarnings)] : [];
  const { topic, post } = await ctx.db.transaction(async (tx) => {
    await enforceWritingLimits(ctx, tx, auth, draft, true);
    const topic = await insertTopic(tx, {
      categoryId: category.id,
      authorId: auth.user.id,
      title: input.title,
      kind: input.kind,
      contentWarnings,
      isAnonymous: input.isAnonymous,
    });
    const number = await takeNextPostNumber(tx, topic.id);
    const post = await insertPost(tx, {
      topicId: topic.id,
      authorId: auth.user.id,
      number,
      bodyMarkdown: draft.markdown,
      bodyHtml: draft.rendered.html,
      bodyText: draft.rendered.plainText,
      isAnonymous: input.isAnonymous,
    });
    await writeSearchEntries(tx, { postId: post.id });
    await insertFollow(tx, topic.id, auth.user.id);
    await advanceReadMarker(tx, topic.id, auth.user.id, number);
    if (crisis.isCrisis) {
      await raiseCrisisItem(ctx, { kind: 'post', id: post.id, memberId: auth.user.id, crisisKinds: crisis.kinds }, tx);
    }
    return { topic: { ...topic, postCount: number }, post };
  });
  await notifyMembers(
    ctx,
    await mentionNotices(ctx, draft.rendered.mentionedHandles, {
      actorId: auth.user.id,
      isAnonymous: input.isAnonymous,
      title: topic.title,
      link: postLink(topic.id, 1),
    }),
  );
  const [presentedPost] = await presentPostsOf(ctx, auth, topic, [post]);
  return {
    topic: await presentTopicFor(ctx, auth, topic),
    post: presentedPost!,
    crisisSupport: await crisisSupportIfNeeded(ctx, auth, crisis.isCrisis),
  };
}

/** Replies to a topic, or to a reply in it. Someone who blocked me is not replied to. */
export async function replyToTopic(
  ctx: ServiceContext,
  auth: Auth,
  topicId: string,
  input: { body: string; parentId?: string | null | undefined; isAnonymous: boolean },
): Promise<{ post: Post; crisisSupport: CrisisSupport | null }> {
  const topic = await loadReadableTopic(ctx, auth, topicId);
  if (!canReplyToTopic(viewerOf(auth), topic)) {
    throw forbidden(topic.isLocked ? 'This topic is locked: it takes no new replies.' : 'This topic takes no replies.');
  }
  const parent = input.parentId ? await findPostById(ctx.db, input.parentId) : null;
  if (input.parentId && (!parent || parent.topicId !== topic.id || parent.deletedAt || parent.hiddenAt)) {
    throw invalidField('parentId', 'The reply you answered is no longer there.');
  }
  // Silent to the blocked member: the same words as for any topic they cannot reply to.
  for (const ownerId of [topic.authorId, parent?.authorId]) {
    if (ownerId && ownerId !== auth.user.id && (await hasBlocked(ctx, ownerId, auth.user.id))) {
      throw forbidden('You can’t reply here.');
    }
  }
  const draft = renderDraft(input.body);
  const crisis = assessMemberText(draft.rendered.plainText);
  const post = await ctx.db.transaction(async (tx) => {
    await enforceWritingLimits(ctx, tx, auth, draft, false);
    const number = await takeNextPostNumber(tx, topic.id);
    const post = await insertPost(tx, {
      topicId: topic.id,
      authorId: auth.user.id,
      number,
      parentId: parent?.id ?? null,
      bodyMarkdown: draft.markdown,
      bodyHtml: draft.rendered.html,
      bodyText: draft.rendered.plainText,
      isAnonymous: input.isAnonymous,
    });
    await writeSearchEntries(tx, { postId: post.id });
    await insertFollow(tx, topic.id, auth.user.id);
    await advanceReadMarker(tx, topic.id, auth.user.id, number);
    if (crisis.isCrisis) {
      await raiseCrisisItem(ctx, { kind: 'post', id: post.id, memberId: auth.user.id, crisisKinds: crisis.kinds }, tx);
    }
    return post;
  });
  const source = {
    actorId: auth.user.id,
    isAnonymous: input.isAnonymous,
    title: topic.title,
    link: postLink(topic.id, post.number),
  };
  const notices: Notice[] = [];
  if (parent && parent.authorId !== topic.authorId) {
    notices.push({
      recipientId: parent.authorId,
      kind: 'post_replied',
      ...source,
      isActorAnonymous: input.isAnonymous,
      subjectTitle: topic.title,
    });
  }
  if (topic.authorId) {
    notices.push({
      recipientId: topic.authorId,
      kind: 'topic_replied',
      ...source,
      isActorAnonymous: input.isAnonymous,
      subjectTitle: topic.title,
    });
  }
  const alreadyTold = new Set(notices.map((notice) => notice.recipientId));
  const mentions = await mentionNotices(ctx, draft.rendered.mentionedHandles, source);
  for (const notice of mentions) alreadyTold.add(notice.recipientId);
  // Everyone else who follows the topic hears once per reply (one notice each, never twice).
  const followers = (await listFollowerIds(ctx.db, topic.id)).filter((id) => !alreadyTold.has(id));
  await notifyMembers(ctx, [
    ...notices,
    ...mentions.filter((notice) => notices.every((told) => told.recipientId !== notice.recipientId)),
    ...followers.map((recipientId) => ({
      recipientId,
      kind: 'followed_topic_replied' as const,
      ...source,
      isActorAnonymous: input.isAnonymous,
      subjectTitle: topic.title,
    })),
  ]);
  const [presented] = await presentPostsOf(ctx, auth, { ...topic, postCount: post.number }, [post]);
  return { post: presented!, crisisSupport: await crisisSupportIfNeeded(ctx, auth, crisis.isCrisis) };
}

async function loadPost(ctx: ServiceContext, auth: Auth, postId: string, db: Database = ctx.db) {
  const post = await findPostById(db, postId);
  if (!post) throw notFound('We could not find that post.');
  const topic = await loadReadableTopic(ctx, auth, post.topicId, db);
  return { post, topic };
}

function isOpeningPost(topic: TopicRow, post: PostRow): boolean {
  return post.number === 1 && !topic.isArticleDiscussion;
}

/** My own post's Markdown (and the title, for an opening post), to edit. */
export async function getOwnPostSource(ctx: ServiceContext, auth: Auth, postId: string) {
  const { post, topic } = await loadPost(ctx, auth, postId);
  if (post.authorId !== auth.user.id || post.deletedAt) throw notFound('We could not find that post.');
  return { title: isOpeningPost(topic, post) ? topic.title : null, body: post.bodyMarkdown };
}

/** Edits my own post; the earlier version is kept for the moderators. */
export async function editOwnPost(
  ctx: ServiceContext,
  auth: Auth,
  postId: string,
  input: { body: string; title?: string | undefined; contentWarnings?: ContentWarning[] | undefined },
): Promise<{ post: Post; crisisSupport: CrisisSupport | null }> {
  const { post, topic } = await loadPost(ctx, auth, postId);
  if (!canEditPost(viewerOf(auth), post)) throw forbidden('You can edit only your own posts.');
  const isOpening = isOpeningPost(topic, post);
  if (!isOpening && (input.title !== undefined || input.contentWarnings !== undefined)) {
    throw invalidField('title', 'Only the opening post of a topic has a title and content warnings.');
  }
  const draft = renderDraft(input.body);
  const title = isOpening ? (input.title ?? topic.title) : null;
  const crisis = assessMemberText(title, draft.rendered.plainText);
  const updated = await ctx.db.transaction(async (tx) => {
    await insertRevision(tx, {
      postId: post.id,
      editorId: auth.user.id,
      title: isOpening ? topic.title : null,
      bodyMarkdown: post.bodyMarkdown,
    });
    const updated = await updatePost(tx, post.id, {
      bodyMarkdown: draft.markdown,
      bodyHtml: draft.rendered.html,
      bodyText: draft.rendered.plainText,
      editedAt: new Date(),
    });
    if (isOpening) {
      await updateTopic(tx, topic.id, {
        title: title!,
        ...(input.contentWarnings && topic.kind === 'story'
          ? { contentWarnings: [...new Set(input.contentWarnings)] }
          : {}),
      });
    }
    // After the topic's title changed: an opening post's entry holds it.
    await writeSearchEntries(tx, { postId: post.id });
    if (crisis.isCrisis) {
      await raiseCrisisItem(ctx, { kind: 'post', id: post.id, memberId: auth.user.id, crisisKinds: crisis.kinds }, tx);
    }
    return updated!;
  });
  const before = new Set(renderMarkdown(post.bodyMarkdown).mentionedHandles.map((handle) => handle.toLowerCase()));
  const added = draft.rendered.mentionedHandles.filter((handle) => !before.has(handle.toLowerCase()));
  await notifyMembers(
    ctx,
    await mentionNotices(ctx, added, {
      actorId: auth.user.id,
      isAnonymous: post.isAnonymous,
      title: title ?? topic.title,
      link: postLink(topic.id, post.number),
    }),
  );
  const [presented] = await presentPostsOf(ctx, auth, topic, [updated]);
  return { post: presented!, crisisSupport: await crisisSupportIfNeeded(ctx, auth, crisis.isCrisis) };
}

/**
 * Deletes a post (my own, or any for moderators). It stays as a placeholder so the replies around it
 * still read; an opening post with no replies takes its topic with it.
 */
export async function deletePost(ctx: ServiceContext, auth: Auth, postId: string): Promise<void> {
  const { post, topic } = await loadPost(ctx, auth, postId);
  if (!canDeletePost(viewerOf(auth), post)) throw forbidden('You can delete only your own posts.');
  await ctx.db.transaction(async (tx) => {
    await updatePost(tx, post.id, { deletedAt: new Date() });
    if (isOpeningPost(topic, post) && topic.postCount === 1) {
      await updateTopic(tx, topic.id, { deletedAt: new Date() });
      await writeSearchEntries(tx, { topicId: topic.id });
    } else {
      await writeSearchEntries(tx, { postId: post.id });
    }
    if (post.authorId !== auth.user.id) {
      await recordAuditEvent(tx, {
        action: 'moderation.post_deleted',
        actorId: auth.user.id,
        subjectId: post.authorId,
        details: { postId: post.id, topicId: topic.id },
      });
    }
  });
}

/** Earlier versions of a post (moderators). */
export async function listPostRevisions(ctx: ServiceContext, auth: Auth, postId: string): Promise<PostRevisionList> {
  if (!canModerate(auth.user)) throw notFound('We could not find that post.');
  const { post } = await loadPost(ctx, auth, postId);
  const revisions = await listRevisionsOfPost(ctx.db, post.id);
  const editors = await findMemberCardsByIds(
    ctx,
    revisions.flatMap((revision) => (revision.editorId ? [revision.editorId] : [])),
  );
  return {
    currentMarkdown: post.bodyMarkdown,
    revisions: revisions.map((revision) => ({
      title: revision.title,
      bodyMarkdown: revision.bodyMarkdown,
      replacedAt: revision.replacedAt.toISOString(),
      editorHandle: revision.editorId ? (editors.get(revision.editorId)?.handle ?? null) : null,
    })),
  };
}

/* ----------------------------------------------------------------- reactions, follows, reads */

async function loadReactablePost(ctx: ServiceContext, auth: Auth, postId: string) {
  const { post, topic } = await loadPost(ctx, auth, postId);
  if (post.deletedAt || post.hiddenAt) throw notFound('We could not find that post.');
  return { post, topic };
}

/** Gives one reaction to a post (again is fine); its author hears about it. */
export async function reactToPost(ctx: ServiceContext, auth: Auth, postId: string, reaction: PostReaction) {
  const { post, topic } = await loadReactablePost(ctx, auth, postId);
  const isNew = await insertReaction(ctx.db, post.id, auth.user.id, reaction);
  if (isNew) {
    const label = postReactionLabels[reaction];
    await notifyMembers(ctx, [
      {
        recipientId: post.authorId,
        kind: 'post_reacted',
        actorId: auth.user.id,
        subjectTitle: topic.title,
        message: `${label.emoji} ${label.label}`,
        link: postLink(topic.id, post.number),
      },
    ]);
  }
  const [presented] = await presentPostsOf(ctx, auth, topic, [post]);
  return presented!;
}

/** Takes back one of my reactions. */
export async function withdrawReaction(ctx: ServiceContext, auth: Auth, postId: string, reaction: PostReaction) {
  const { post, topic } = await loadReactablePost(ctx, auth, postId);
  await deleteReaction(ctx.db, post.id, auth.user.id, reaction);
  const [presented] = await presentPostsOf(ctx, auth, topic, [post]);
  return presented!;
}

export async function followTopic(ctx: ServiceContext, auth: Auth, topicId: string): Promise<void> {
  const topic = await loadReadableTopic(ctx, auth, topicId);
  await insertFollow(ctx.db, topic.id, auth.user.id);
}

export async function unfollowTopic(ctx: ServiceContext, auth: Auth, topicId: string): Promise<void> {
  const topic = await loadReadableTopic(ctx, auth, topicId);
  await deleteFollow(ctx.db, topic.id, auth.user.id);
}

/** Moves my read marker up to a post number (never past the last post, never back). */
export async function markTopicRead(ctx: ServiceContext, auth: Auth, topicId: string, lastReadNumber: number) {
  const topic = await loadReadableTopic(ctx, auth, topicId);
  await advanceReadMarker(ctx.db, topic.id, auth.user.id, Math.min(lastReadNumber, topic.postCount));
}

/* ----------------------------------------------------------------- preferences */

export async function getOwnPreferences(ctx: ServiceContext, auth: Auth): Promise<CommunityPreferences> {
  return (await findPreferences(ctx.db, auth.user.id)) ?? defaultPreferences;
}

export async function saveOwnPreferences(
  ctx: ServiceContext,
  auth: Auth,
  input: CommunityPreferences,
): Promise<CommunityPreferences> {
  const preferences = {
    expandWarnedStories: input.expandWarnedStories,
    alwaysCollapsedWarnings: [...new Set(input.alwaysCollapsedWarnings)],
  };
  await upsertPreferences(ctx.db, auth.user.id, preferences);
  return preferences;
}

/* ----------------------------------------------------------------- for the moderators (safety area) */

/** Hides a post (by a moderator, or by enough members' reports) or shows it again; null when it is gone. */
export async function setPostVisibility(
  ctx: ServiceContext,
  postId: string,
  hiddenBy: 'moderator' | 'reports' | null,
  db: Database = ctx.db,
): Promise<PostRow | null> {
  const post = await setPostHidden(db, postId, hiddenBy);
  if (post) await writeSearchEntries(db, { postId: post.id });
  return post;
}

/** A post and its topic, whatever their state: what a moderator reviews. */
export async function findPostForModeration(ctx: ServiceContext, postId: string) {
  const post = await findPostById(ctx.db, postId);
  if (!post) return null;
  const topic = (await findTopicById(ctx.db, post.topicId))!;
  return { post, topic };
}

/** Posts and their topics by id, for the moderation queue. */
export async function findPostsForModeration(ctx: ServiceContext, postIds: readonly string[]) {
  const postsById = await findPostsByIds(ctx.db, postIds);
  const topicsById = await findTopicsByIds(
    ctx.db,
    [...postsById.values()].map((post) => post.topicId),
  );
  const result = new Map<string, { post: PostRow; topic: TopicRow }>();
  for (const post of postsById.values()) {
    const topic = topicsById.get(post.topicId);
    if (topic) result.set(post.id, { post, topic });
  }
  return result;
}

/** Presents one post to a viewer (a moderator's answer after hiding it). */
export async function presentPostFor(ctx: ServiceContext, auth: Auth, post: PostRow): Promise<Post> {
  const topic = (await findTopicById(ctx.db, post.topicId))!;
  const [presented] = await presentPostsOf(ctx, auth, topic, [post]);
  return presented!;
}

/** Locks, pins, hides or moves a topic (moderators; the safety area checks and audits). */
export async function changeTopicAsModerator(
  ctx: ServiceContext,
  topicId: string,
  change: {
    isLocked?: boolean | undefined;
    isPinned?: boolean | undefined;
    isHidden?: boolean | undefined;
    categoryId?: string | undefined;
  },
  db: Database = ctx.db,
) {
  const topic = await findTopicById(db, topicId);
  if (!topic || topic.deletedAt) throw notFound('We could not find that topic.');
  if (change.categoryId) await loadListedCategory(ctx, change.categoryId, db);
  const updated = await updateTopic(db, topic.id, {
    ...(change.isLocked === undefined ? {} : { isLocked: change.isLocked }),
    ...(change.isPinned === undefined ? {} : { isPinned: change.isPinned }),
    ...(change.isHidden === undefined ? {} : { hiddenAt: change.isHidden ? new Date() : null }),
    ...(change.categoryId ? { categoryId: change.categoryId } : {}),
  });
  // Call inside the moderator's transaction (safety.moderation.ts does), so search changes with the topic.
  if (change.isHidden !== undefined && change.isHidden !== (topic.hiddenAt !== null)) {
    await writeSearchEntries(db, { topicId: topic.id });
  } else if (change.categoryId && change.categoryId !== topic.categoryId) {
    await moveSearchEntriesOfTopic(db, topic.id, change.categoryId);
  }
  return { before: topic, after: updated! };
}

/** A topic as this viewer sees it, whatever its state (a moderator's answer after changing it). */
export async function presentTopicForViewer(ctx: ServiceContext, auth: Auth, topicId: string) {
  const topic = await findTopicById(ctx.db, topicId);
  if (!topic) throw notFound('We could not find that topic.');
  return presentTopicFor(ctx, auth, topic);
}

/** What the member wrote and chose in the forums (their data export). */
export async function exportCommunityData(ctx: ServiceContext, auth: Auth) {
  const written = await listPostsWrittenBy(ctx.db, auth.user.id);
  const reactions = await listReactionsGivenBy(ctx.db, auth.user.id);
  return {
    posts: written.map((post) => ({
      topicId: post.topicId,
      topicTitle: post.topicTitle,
      number: post.number,
      markdown: post.bodyMarkdown,
      postedAnonymously: post.isAnonymous,
      createdAt: post.createdAt.toISOString(),
      editedAt: post.editedAt?.toISOString() ?? null,
      deletedAt: post.deletedAt?.toISOString() ?? null,
    })),
    reactionsGiven: reactions.map((reaction) => ({
      postId: reaction.postId,
      reaction: reaction.reaction,
      at: reaction.createdAt.toISOString(),
    })),
    preferences: await getOwnPreferences(ctx, auth),
    blocked: (await listOwnBlocks(ctx, auth)).blocks,
  };
}
