import { and, asc, desc, eq, gt, gte, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { CommunityPreferences, PostReaction } from '@kindred/common/community';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  communityPreferences,
  forumCategories,
  postReactions,
  postRevisions,
  postSearchEntries,
  posts,
  resourceArticles,
  topicFollows,
  topicReads,
  topics,
  type PostHiddenBy,
} from './community.tables.ts';

export type CategoryRow = typeof forumCategories.$inferSelect;
export type TopicRow = typeof topics.$inferSelect;
export type PostRow = typeof posts.$inferSelect;
export type ArticleRow = typeof resourceArticles.$inferSelect;

/* ----------------------------------------------------------------- categories */

const visibleTopic = and(isNull(topics.hiddenAt), isNull(topics.deletedAt));

/** Listed categories in their order, with how many visible topics each has and its latest activity. */
export async function listCategoriesWithActivity(db: Database) {
  return db
    .select({
      category: forumCategories,
      topicCount: sql<number>`count(${topics.id})::int`,
      lastActivityAt: sql<string | null>`max(${topics.lastPostedAt})`,
    })
    .from(forumCategories)
    .leftJoin(topics, and(eq(topics.categoryId, forumCategories.id), visibleTopic))
    .where(eq(forumCategories.isListed, true))
    .groupBy(forumCategories.id)
    .orderBy(asc(forumCategories.position), asc(forumCategories.name));
}

export async function findCategoryById(db: Database, id: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(forumCategories).where(eq(forumCategories.id, id)).limit(1);
  return row ?? null;
}

export async function findCategoryBySlug(db: Database, slug: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(forumCategories).where(eq(forumCategories.slug, slug)).limit(1);
  return row ?? null;
}

export async function findCategoriesByIds(db: Database, ids: readonly string[]): Promise<Map<string, CategoryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(forumCategories)
    .where(inArray(forumCategories.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Inserts a category; null when the slug is taken. */
export async function insertCategory(
  db: Database,
  values: typeof forumCategories.$inferInsert,
): Promise<CategoryRow | null> {
  const [row] = await db.insert(forumCategories).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Changes a category; null when the new slug is taken. */
export async function updateCategory(
  db: Database,
  id: string,
  values: Partial<typeof forumCategories.$inferInsert>,
): Promise<CategoryRow | null | 'taken'> {
  try {
    const [row] = await db.update(forumCategories).set(values).where(eq(forumCategories.id, id)).returning();
    return row ?? null;
  } catch (error) {
    if (isUniqueViolation(error)) return 'taken';
    throw error;
  }
}

export async function countTopicsInCategory(db: Database, categoryId: string): Promise<number> {
  return db.$count(topics, eq(topics.categoryId, categoryId));
}

export async function deleteCategory(db: Database, id: string): Promise<void> {
  await db.delete(forumCategories).where(eq(forumCategories.id, id));
}

/* ----------------------------------------------------------------- topics */

export async function insertTopic(db: Database, values: typeof topics.$inferInsert): Promise<TopicRow> {
  const [row] = await db.insert(topics).values(values).returning();
  return row!;
}

export async function findTopicById(db: Database, id: string): Promise<TopicRow | null> {
  const [row] = await db.select().from(topics).where(eq(topics.id, id)).limit(1);
  return row ?? null;
}

/** Topics by id, as rows. */
export async function findTopicsByIds(db: Database, ids: readonly string[]): Promise<Map<string, TopicRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(topics)
    .where(inArray(topics.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Locks the topic row for the transaction and gives out the next post number. */
export async function takeNextPostNumber(db: Database, topicId: string): Promise<number> {
  const [row] = await db
    .update(topics)
    .set({ postCount: sql`${topics.postCount} + 1`, lastPostedAt: new Date() })
    .where(eq(topics.id, topicId))
    .returning({ postCount: topics.postCount });
  return row!.postCount;
}

export async function updateTopic(db: Database, id: string, values: Partial<typeof topics.$inferInsert>) {
  const [row] = await db.update(topics).set(values).where(eq(topics.id, id)).returning();
  return row ?? null;
}

export type TopicPosition = { isPinned: boolean; at: string; id: string };

export type TopicListRow = {
  topic: TopicRow;
  lastReadNumber: number | null;
  isFollowing: boolean;
};

/**
 * A page of topics for one viewer: in a category pinned first then by latest activity; across the
 * listed categories by latest activity. Topics by members the viewer blocked are left out (only
 * those posted under their handle: leaving out anonymous ones would tell who wrote them).
 */
export async function listTopicsForViewer(
  db: Database,
  options: {
    viewerId: string;
    categoryId: string | null;
    followingOnly: boolean;
    blockedIds: ReadonlySet<string>;
    includeHidden: boolean;
    after: TopicPosition | undefined;
    limit: number;
  },
): Promise<TopicListRow[]> {
  const { after, categoryId } = options;
  const where = [
    isNull(topics.deletedAt),
    options.includeHidden ? undefined : isNull(topics.hiddenAt),
    categoryId ? eq(topics.categoryId, categoryId) : eq(forumCategories.isListed, true),
    options.followingOnly ? sql`${topicFollows.userId} is not null` : undefined,
    options.blockedIds.size > 0
      ? or(eq(topics.isAnonymous, true), isNull(topics.authorId), notInArray(topics.authorId, [...options.blockedIds]))
      : undefined,
  ];
  if (after && categoryId) {
    where.push(
      sql`(${topics.isPinned}, ${topics.lastPostedAt}, ${topics.id}) < (${after.isPinned}, ${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  } else if (after) {
    where.push(sql`(${topics.lastPostedAt}, ${topics.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select({
      topic: topics,
      lastReadNumber: topicReads.lastReadNumber,
      followerId: topicFollows.userId,
    })
    .from(topics)
    .innerJoin(forumCategories, eq(forumCategories.id, topics.categoryId))
    .leftJoin(topicReads, and(eq(topicReads.topicId, topics.id), eq(topicReads.userId, options.viewerId)))
    .leftJoin(topicFollows, and(eq(topicFollows.topicId, topics.id), eq(topicFollows.userId, options.viewerId)))
    .where(and(...where))
    .orderBy(...(categoryId ? [desc(topics.isPinned)] : []), desc(topics.lastPostedAt), desc(topics.id))
    .limit(options.limit);
  return rows.map((row) => ({
    topic: row.topic,
    lastReadNumber: row.lastReadNumber,
    isFollowing: row.followerId !== null,
  }));
}

/** The viewer's read position and follow on one topic. */
export async function findTopicStateForViewer(db: Database, topicId: string, viewerId: string) {
  const [read] = await db
    .select({ lastReadNumber: topicReads.lastReadNumber })
    .from(topicReads)
    .where(and(eq(topicReads.topicId, topicId), eq(topicReads.userId, viewerId)))
    .limit(1);
  const [follow] = await db
    .select({ userId: topicFollows.userId })
    .from(topicFollows)
    .where(and(eq(topicFollows.topicId, topicId), eq(topicFollows.userId, viewerId)))
    .limit(1);
  return { lastReadNumber: read?.lastReadNumber ?? null, isFollowing: Boolean(follow) };
}

export async function insertFollow(db: Database, topicId: string, userId: string): Promise<void> {
  await db.insert(topicFollows).values({ topicId, userId }).onConflictDoNothing();
}

export async function deleteFollow(db: Database, topicId: string, userId: string): Promise<void> {
  await db.delete(topicFollows).where(and(eq(topicFollows.topicId, topicId), eq(topicFollows.userId, userId)));
}

export async function listFollowerIds(db: Database, topicId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: topicFollows.userId })
    .from(topicFollows)
    .where(eq(topicFollows.topicId, topicId))
    .limit(10_000);
  return rows.map((row) => row.userId);
}

/** Moves the read marker forward (never back). */
export async function advanceReadMarker(db: Database, topicId: string, userId: string, lastReadNumber: number) {
  await db
    .insert(topicReads)
    .values({ topicId, userId, lastReadNumber })
    .onConflictDoUpdate({
      target: [topicReads.userId, topicReads.topicId],
      set: {
        lastReadNumber: sql`greatest(${topicReads.lastReadNumber}, excluded.last_read_number)`,
        readAt: new Date(),
      },
    });
}

/* ----------------------------------------------------------------- posts */

export async function insertPost(db: Database, values: typeof posts.$inferInsert): Promise<PostRow> {
  const [row] = await db.insert(posts).values(values).returning();
  return row!;
}

export async function findPostById(db: Database, id: string): Promise<PostRow | null> {
  const [row] = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
  return row ?? null;
}

export async function findPostsByIds(db: Database, ids: readonly string[]): Promise<Map<string, PostRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(posts)
    .where(inArray(posts.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findFirstPost(db: Database, topicId: string): Promise<PostRow | null> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.topicId, topicId), eq(posts.number, 1)))
    .limit(1);
  return row ?? null;
}

/** Posts of a topic after a number, in order. */
export async function listPostsOfTopic(db: Database, topicId: string, afterNumber: number, limit: number) {
  return db
    .select()
    .from(posts)
    .where(and(eq(posts.topicId, topicId), gt(posts.number, afterNumber)))
    .orderBy(asc(posts.number))
    .limit(limit);
}

export async function updatePost(db: Database, id: string, values: Partial<typeof posts.$inferInsert>) {
  const [row] = await db.update(posts).set(values).where(eq(posts.id, id)).returning();
  return row ?? null;
}

export async function setPostHidden(db: Database, id: string, hiddenBy: PostHiddenBy | null) {
  return updatePost(db, id, hiddenBy ? { hiddenAt: new Date(), hiddenBy } : { hiddenAt: null, hiddenBy: null });
}

export async function insertRevision(db: Database, values: typeof postRevisions.$inferInsert): Promise<void> {
  await db.insert(postRevisions).values(values);
}

export async function listRevisionsOfPost(db: Database, postId: string) {
  return db
    .select()
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.replacedAt))
    .limit(200);
}

/* ----------------------------------------------------------------- search entries */

/** Which posts' search entries to write: one post, or every post of a topic. */
export type SearchEntryScope = { postId: string } | { topicId: string };

/**
 * Makes the search entries of a post (or of a topic's posts) say what the posts and their topic say
 * now: removed, then written again for the posts a member can find (neither the post nor its topic
 * deleted or hidden). Call it in the transaction that changed them, after the change.
 */
export async function writeSearchEntries(db: Database, scope: SearchEntryScope): Promise<void> {
  // Through the posts' own indexes (primary key; topic and number), so the entries need no topic index.
  const postIds =
    'postId' in scope
      ? sql`select ${scope.postId}::uuid`
      : sql`select ${posts.id} from ${posts} where ${posts.topicId} = ${scope.topicId}`;
  await db.execute(sql`delete from ${postSearchEntries} where ${postSearchEntries.postId} in (${postIds})`);
  await db.execute(insertSearchEntries(sql`p.id in (${postIds})`));
}

/** Writes the search entries of every post a member can find (the entries table empty): a bulk load. */
export async function writeEverySearchEntry(db: Database): Promise<void> {
  await db.execute(insertSearchEntries(sql`true`));
}

/** Inserts the search entries of the findable posts `which` picks (p: posts, t: their topics). */
function insertSearchEntries(which: SQL): SQL {
  return sql`
    insert into post_search_entries
      (post_id, topic_id, category_id, author_id, is_anonymous, named_topic_author_id, created_at, search_document)
    select p.id, p.topic_id, t.category_id, p.author_id, p.is_anonymous,
      case when t.is_anonymous then null else t.author_id end, p.created_at,
      setweight(to_tsvector('english', case when p.number = 1 and not t.is_article_discussion then t.title else '' end), 'A')
        || setweight(to_tsvector('english', p.body_text), 'B')
    from posts p join topics t on t.id = p.topic_id
    where ${which}
      and p.deleted_at is null and p.hidden_at is null and t.deleted_at is null and t.hidden_at is null`;
}

/** Files a topic's search entries under the forum it moved to. */
export async function moveSearchEntriesOfTopic(db: Database, topicId: string, categoryId: string): Promise<void> {
  await db
    .update(postSearchEntries)
    .set({ categoryId })
    .where(
      inArray(postSearchEntries.postId, db.select({ id: posts.id }).from(posts).where(eq(posts.topicId, topicId))),
    );
}

/* ----------------------------------------------------------------- limits */

/** How many posts (or only opening posts) a member wrote since a time. */
export async function countPostsByAuthorSince(db: Database, authorId: string, since: Date, openingOnly: boolean) {
  return db.$count(
    posts,
    and(eq(posts.authorId, authorId), gte(posts.createdAt, since), openingOnly ? eq(posts.number, 1) : undefined),
  );
}

/** When the member last posted, if ever. */
export async function findLastPostTime(db: Database, authorId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: posts.createdAt })
    .from(posts)
    .where(eq(posts.authorId, authorId))
    .orderBy(desc(posts.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}

/** Whether the member posted exactly this text since a time. */
export async function hasSamePostSince(db: Database, authorId: string, bodyMarkdown: string, since: Date) {
  const count = await db.$count(
    posts,
    and(eq(posts.authorId, authorId), gte(posts.createdAt, since), eq(posts.bodyMarkdown, bodyMarkdown)),
  );
  return count > 0;
}

/** Serializes one member's writes for the transaction, so two posts at once cannot both pass the limits. */
export async function lockAuthorForWriting(db: Database, authorId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`community-author:${authorId}`}))`);
}

/* ----------------------------------------------------------------- reactions */

export async function insertReaction(db: Database, postId: string, userId: string, reaction: PostReaction) {
  const rows = await db.insert(postReactions).values({ postId, userId, reaction }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteReaction(db: Database, postId: string, userId: string, reaction: PostReaction) {
  await db
    .delete(postReactions)
    .where(
      and(eq(postReactions.postId, postId), eq(postReactions.userId, userId), eq(postReactions.reaction, reaction)),
    );
}

/** Reaction counts per post, and which reactions the viewer gave. */
export async function findReactionsForPosts(db: Database, postIds: readonly string[], viewerId: string) {
  if (postIds.length === 0) return [];
  return db
    .select({
      postId: postReactions.postId,
      reaction: postReactions.reaction,
      count: sql<number>`count(*)::int`,
      isMine: sql<boolean>`bool_or(${postReactions.userId} = ${viewerId})`,
    })
    .from(postReactions)
    .where(inArray(postReactions.postId, [...postIds]))
    .groupBy(postReactions.postId, postReactions.reaction);
}

/* ----------------------------------------------------------------- preferences */

export async function findPreferences(db: Database, userId: string): Promise<CommunityPreferences | null> {
  const [row] = await db
    .select({
      expandWarnedStories: communityPreferences.expandWarnedStories,
      alwaysCollapsedWarnings: communityPreferences.alwaysCollapsedWarnings,
    })
    .from(communityPreferences)
    .where(eq(communityPreferences.userId, userId))
    .limit(1);
  return row ?? null;
}

export async function upsertPreferences(db: Database, userId: string, values: CommunityPreferences): Promise<void> {
  await db
    .insert(communityPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: communityPreferences.userId, set: values });
}

/* ----------------------------------------------------------------- articles */

/** Comments a reader can see on an article: its topic's posts not deleted or hidden. */
function visibleCommentCount(db: Database) {
  return db.$count(
    posts,
    and(eq(posts.topicId, resourceArticles.discussionTopicId), isNull(posts.deletedAt), isNull(posts.hiddenAt)),
  );
}

export async function listArticlesWithCommentCounts(db: Database) {
  return db
    .select({ article: resourceArticles, commentCount: visibleCommentCount(db) })
    .from(resourceArticles)
    .orderBy(asc(resourceArticles.title));
}

/** One article with its visible comment count, or null. */
export async function findArticleWithCommentCount(db: Database, slug: string) {
  const [row] = await db
    .select({ article: resourceArticles, commentCount: visibleCommentCount(db) })
    .from(resourceArticles)
    .where(eq(resourceArticles.slug, slug))
    .limit(1);
  return row ?? null;
}

export async function findArticleBySlug(db: Database, slug: string): Promise<ArticleRow | null> {
  const [row] = await db.select().from(resourceArticles).where(eq(resourceArticles.slug, slug)).limit(1);
  return row ?? null;
}

export async function findArticleByTopicId(db: Database, topicId: string): Promise<ArticleRow | null> {
  const [row] = await db
    .select()
    .from(resourceArticles)
    .where(eq(resourceArticles.discussionTopicId, topicId))
    .limit(1);
  return row ?? null;
}

export async function insertArticle(db: Database, values: typeof resourceArticles.$inferInsert) {
  const [row] = await db.insert(resourceArticles).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Everything a member wrote, oldest first, with the topic it is in (their data export). */
export async function listPostsWrittenBy(db: Database, authorId: string) {
  return db
    .select({
      topicId: topics.id,
      topicTitle: topics.title,
      number: posts.number,
      bodyMarkdown: posts.bodyMarkdown,
      isAnonymous: posts.isAnonymous,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .innerJoin(topics, eq(topics.id, posts.topicId))
    .where(eq(posts.authorId, authorId))
    .orderBy(asc(posts.createdAt));
}

export async function listReactionsGivenBy(db: Database, userId: string) {
  return db
    .select({ postId: postReactions.postId, reaction: postReactions.reaction, createdAt: postReactions.createdAt })
    .from(postReactions)
    .where(eq(postReactions.userId, userId))
    .orderBy(asc(postReactions.createdAt));
}
