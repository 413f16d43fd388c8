import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { ContentWarning, PostReaction, TopicKind } from '@kindred/common/community';
import { users } from '../accounts/accounts.tables.ts';
import { tsvector } from '../../db/column-types.ts';

// Community content is shared with members, but its author is still private when they post
// anonymously: author_id is always stored (moderators must be able to act), and only the presenters
// decide who sees it. Deleting an account deletes what it wrote (ON DELETE CASCADE).

/** A forum. Unlisted ones (the resource articles' comments) hold topics but are not shown as forums. */
export const forumCategories = pgTable(
  'forum_categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull(),
    position: integer().notNull().default(100),
    isListed: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('forum_categories_slug_unique').on(table.slug)],
);

export const topics = pgTable(
  'topics',
  {
    id: uuid().primaryKey().defaultRandom(),
    categoryId: uuid()
      .notNull()
      .references(() => forumCategories.id),
    /** Null only for an article's comments topic, which no member started. */
    authorId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    kind: text().$type<TopicKind>().notNull().default('discussion'),
    contentWarnings: text()
      .array()
      .$type<ContentWarning[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    isAnonymous: boolean().notNull().default(false),
    /** The comments on a resource article: every post is a reply, none is the topic's opening post. */
    isArticleDiscussion: boolean().notNull().default(false),
    isPinned: boolean().notNull().default(false),
    isLocked: boolean().notNull().default(false),
    hiddenAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    /** The highest post number given out: each new post takes the next under the topic's row lock. */
    postCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastPostedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('topics_category_activity_idx').on(table.categoryId, table.isPinned, table.lastPostedAt, table.id),
    index('topics_activity_idx').on(table.lastPostedAt, table.id),
    index('topics_author_idx').on(table.authorId),
  ],
);

export type PostHiddenBy = 'moderator' | 'reports';

export const posts = pgTable(
  'posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    topicId: uuid()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    /** The reply this one answers; pages show one level of nesting. */
    parentId: uuid().references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    bodyMarkdown: text().notNull(),
    /** Rendered and sanitized once, when written (platform/markdown.ts). */
    bodyHtml: text().notNull(),
    /** The visible words, for search, excerpts and the crisis-language matcher. */
    bodyText: text().notNull(),
    isAnonymous: boolean().notNull().default(false),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenBy: text().$type<PostHiddenBy>(),
    deletedAt: timestamp({ withTimezone: true }),
    editedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('posts_topic_number_unique').on(table.topicId, table.number),
    index('posts_author_created_idx').on(table.authorId, table.createdAt),
    index('posts_created_idx').on(table.createdAt, table.id),
  ],
);

/**
 * What search reads: one narrow row per post a member can find (the post and its topic neither
 * deleted nor hidden), with its topic's forum, so a search never touches the wide posts table
 * until it shows a page. Written by the app in the same transaction as every change that affects
 * it (community.queries.ts: writeSearchEntries). The document is computed in SQL from the post's
 * text and, for an opening post, its topic's title (weight A; text weight B), and kept inline
 * (STORAGE MAIN, set in the migration): out of line, each match cost several more page reads.
 */
export const postSearchEntries = pgTable(
  'post_search_entries',
  {
    postId: uuid()
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    topicId: uuid().notNull(),
    categoryId: uuid().notNull(),
    authorId: uuid().notNull(),
    isAnonymous: boolean().notNull(),
    /** The topic's author when the topic was posted under their handle: blocks leave out replies in it. */
    namedTopicAuthorId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    searchDocument: tsvector().notNull(),
  },
  (table) => [
    // One GIN index over the forum and the words (btree_gin): a search in a forum finds only that
    // forum's matches in the index, and a search of every forum reads the words alone as before.
    index('post_search_entries_category_document_idx')
      .using('gin', table.categoryId, table.searchDocument)
      .with({ fastupdate: 'off' }),
    index('post_search_entries_created_idx').on(table.createdAt, table.postId),
    index('post_search_entries_category_created_idx').on(table.categoryId, table.createdAt, table.postId),
    index('post_search_entries_author_created_idx').on(table.authorId, table.createdAt, table.postId),
  ],
);

/** Earlier versions of an edited post, newest last; moderators read them. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    editorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    title: text(),
    bodyMarkdown: text().notNull(),
    replacedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('post_revisions_post_idx').on(table.postId, table.replacedAt)],
);

/** One of each reaction per member per post. */
export const postReactions = pgTable(
  'post_reactions',
  {
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reaction: text().$type<PostReaction>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId, table.reaction] })],
);

export const topicFollows = pgTable(
  'topic_follows',
  {
    topicId: uuid()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.topicId] }),
    index('topic_follows_topic_idx').on(table.topicId),
  ],
);

/** How far a member has read a topic: the unread markers. */
export const topicReads = pgTable(
  'topic_reads',
  {
    topicId: uuid()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadNumber: integer().notNull(),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.topicId] })],
);

/** How a member wants stories with content warnings shown. No row means the defaults. */
export const communityPreferences = pgTable('community_preferences', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  expandWarnedStories: boolean().notNull().default(false),
  alwaysCollapsedWarnings: text()
    .array()
    .$type<ContentWarning[]>()
    .notNull()
    .default(sql`'{}'::text[]`),
});

/** Resource articles (peer support, triggers, relapse prevention); their comments are a topic. */
export const resourceArticles = pgTable(
  'resource_articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    subjects: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    bodyMarkdown: text().notNull(),
    bodyHtml: text().notNull(),
    discussionTopicId: uuid()
      .notNull()
      .references(() => topics.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('resource_articles_slug_unique').on(table.slug)],
);
