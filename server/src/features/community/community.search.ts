/**
 * Community search: PostgreSQL full-text search over the posts a member may read, newest first or
 * most relevant first. Every matching post counts (an opening post's document holds its topic's
 * title, weight A, and its text, weight B). Excerpts are plain-text parts built by ts_headline
 * with control-character markers, never HTML.
 *
 * Speed at a million posts: both orders walk matches newest first and stop early. "Relevant"
 * ranks (ts_rank_cd) only the newest RANKED_WINDOW matches, so a common word costs the same as a
 * rare one; headlines are made for the page's rows only, after the LIMIT.
 */
import { and, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ExcerptPart, SearchResponse, SearchResult, searchQuerySchema } from '@kindred/common/community';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import { findMemberByHandle, findMemberCardsByIds } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { findBlockedIds } from '../safety/safety.blocks.ts';
import { isCollapsedFor, presentAuthor, type PresentingContext } from './community.presenters.ts';
import { findCategoriesByIds, findCategoryBySlug, findPreferences, type TopicRow } from './community.queries.ts';
import { forumCategories, posts, topics } from './community.tables.ts';

export const SEARCH_PAGE_SIZE = 20;
/** "Relevant" ranks this many of the newest matches, and pages no further. */
export const RANKED_WINDOW = 1000;

// Markers no member's text contains (they are removed from the text first) and no client sees.
const START_MATCH = '\u0002';
const STOP_MATCH = '\u0003';
const EXCERPT_OPTIONS = `StartSel=${START_MATCH}, StopSel=${STOP_MATCH}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${START_MATCH}, StopSel=${STOP_MATCH}, HighlightAll=true`;

const newestCursorSchema = z.object({
  at: z.iso.datetime(),
  id: z.uuid(),
});
const relevantCursorSchema = z.object({ offset: z.number().int().min(1).max(RANKED_WINDOW) });

type SearchQuery = z.output<typeof searchQuerySchema>;

/** One search, with the names in it already resolved to ids. */
export type PostSearch = {
  text: string;
  categoryId: string | null;
  authorId: string | null;
  /** First and last day, YYYY-MM-DD, inclusive, in UTC. */
  fromDay: string | undefined;
  toDay: string | undefined;
  /** Members whose posts (and topics) are left out unless written anonymously. */
  blockedIds: ReadonlySet<string>;
  limit: number;
} & ({ sort: 'newest'; after: { at: string; id: string } | undefined } | { sort: 'relevant'; offset: number });

/** A matching post as the search query answers it, with its highlighted title and excerpt. */
export type PostSearchRow = {
  postId: string;
  postNumber: number;
  topicId: string;
  authorId: string;
  isAnonymous: boolean;
  /** Microsecond precision, UTC, for the newest-first cursor. */
  createdAt: string;
  titleHighlight: string;
  excerptHighlight: string;
};

const strippedOfMarkers = (column: SQL) => sql`translate(${column}, ${START_MATCH + STOP_MATCH}, '')`;

/** The SQL of searchVisiblePosts (the benchmark EXPLAINs it). */
export function visiblePostsSearchQuery(search: PostSearch): SQL {
  const query = sql`websearch_to_tsquery('english', ${search.text})`;
  const blocked = [...search.blockedIds];
  const conditions: Array<SQL | undefined> = [
    // Folded to a constant when planned: a query of stop words reads nothing at all.
    sql`numnode(${query}) > 0`,
    sql`${posts.searchDocument} @@ ${query}`,
    sql`${posts.deletedAt} is null`,
    sql`${posts.hiddenAt} is null`,
    sql`${topics.deletedAt} is null`,
    sql`${topics.hiddenAt} is null`,
    search.categoryId ? eq(topics.categoryId, search.categoryId) : eq(forumCategories.isListed, true),
    // Never an anonymous post: matching it by its author would tell who wrote it.
    search.authorId ? and(eq(posts.authorId, search.authorId), eq(posts.isAnonymous, false)) : undefined,
    search.fromDay ? sql`${posts.createdAt} >= (${search.fromDay}::date)::timestamp at time zone 'UTC'` : undefined,
    search.toDay ? sql`${posts.createdAt} < (${search.toDay}::date + 1)::timestamp at time zone 'UTC'` : undefined,
    // As in the topic list: what a blocked member wrote under their handle is left out, anonymous
    // posts stay (leaving them out would tell who wrote them).
    blocked.length > 0 ? or(eq(posts.isAnonymous, true), notInArray(posts.authorId, blocked)) : undefined,
    blocked.length > 0
      ? or(eq(topics.isAnonymous, true), sql`${topics.authorId} is null`, notInArray(topics.authorId, blocked))
      : undefined,
    search.sort === 'newest' && search.after
      ? sql`(${posts.createdAt}, ${posts.id}) < (${search.after.at}::timestamptz, ${search.after.id}::uuid)`
      : undefined,
  ];
  const matches = sql`select ${posts.id} as id, ${posts.createdAt} as created_at
    from ${posts}
    join ${topics} on ${topics.id} = ${posts.topicId}
    join ${forumCategories} on ${forumCategories.id} = ${topics.categoryId}
    where ${and(...conditions)}
    order by ${posts.createdAt} desc, ${posts.id} desc`;
  const page =
    search.sort === 'newest'
      ? sql`select m.id, m.created_at, 0 as rank from (${matches} limit ${search.limit}) m`
      : sql`select w.id, w.created_at, ts_rank_cd(rp.search_document, ${query}, 1) as rank
          from (${matches} limit ${RANKED_WINDOW}) w
          join posts rp on rp.id = w.id
          order by rank desc, w.created_at desc, w.id desc
          offset ${search.offset} limit ${search.limit}`;
  return sql`
    select p.id as "postId", p.number as "postNumber", p.topic_id as "topicId", p.author_id as "authorId",
      p.is_anonymous as "isAnonymous",
      to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
      ts_headline('english', ${strippedOfMarkers(sql`t.title`)}, ${query}, ${TITLE_OPTIONS}) as "titleHighlight",
      ts_headline('english', ${strippedOfMarkers(sql`p.body_text`)}, ${query}, ${EXCERPT_OPTIONS}) as "excerptHighlight"
    from (${page}) pg
    join posts p on p.id = pg.id
    join topics t on t.id = p.topic_id
    order by pg.rank desc, pg.created_at desc, pg.id desc`;
}

/**
 * The visible posts matching a search, newest first or ranked within the newest matches; each
 * with its title and an excerpt highlighted. Words that reduce to no search terms match nothing.
 */
export async function searchVisiblePosts(db: Database, search: PostSearch): Promise<PostSearchRow[]> {
  // Both drivers (node-postgres, PGlite) answer { rows }.
  const result: unknown = await db.execute(visiblePostsSearchQuery(search));
  return (result as { rows: PostSearchRow[] }).rows;
}

/** Topics by id (the page's), as rows. */
export async function findTopicsByIds(db: Database, ids: readonly string[]): Promise<Map<string, TopicRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(topics)
    .where(inArray(topics.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Highlighted text split into plain parts; runs of white space read as one space. */
export function excerptPartsOf(highlighted: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const add = (text: string, isMatch: boolean) => {
    const clean = text.replace(/[\u0002\u0003]/g, '').replace(/\s+/g, ' ');
    if (clean === '') return;
    const last = parts.at(-1);
    if (last && last.isMatch === isMatch) last.text += clean;
    else parts.push({ text: clean, isMatch });
  };
  const [before = '', ...marked] = highlighted.split(START_MATCH);
  add(before, false);
  for (const piece of marked) {
    const stop = piece.indexOf(STOP_MATCH);
    if (stop === -1) {
      add(piece, true);
    } else {
      add(piece.slice(0, stop), true);
      add(piece.slice(stop + 1), false);
    }
  }
  if (parts[0] && !parts[0].isMatch) parts[0].text = parts[0].text.trimStart();
  const last = parts.at(-1);
  if (last && !last.isMatch) last.text = last.text.trimEnd();
  return parts.filter((part) => part.text !== '');
}

const noResults = (): SearchResponse => ({ results: [], nextCursor: null });

// PostgreSQL text holds no NUL character: a name with one is nobody's.
const isStorable = (text: string) => !text.includes('\u0000');

/**
 * Searches the forums a member may read: words (websearch syntax: "a phrase", -without, or),
 * optionally in one forum, by one member (never their anonymous posts), between two days (UTC).
 * Names nobody has and words that are all stop words answer no results, not an error.
 */
export async function searchCommunity(ctx: ServiceContext, auth: Auth, query: SearchQuery): Promise<SearchResponse> {
  const text = query.q.replace(/\u0000/g, ' ');
  const newestAfter = query.sort === 'newest' ? decodeCursor(newestCursorSchema, query.cursor) : undefined;
  const offset = query.sort === 'relevant' ? (decodeCursor(relevantCursorSchema, query.cursor)?.offset ?? 0) : 0;
  if ([query.category, query.author].some((name) => name !== undefined && !isStorable(name))) return noResults();
  const [category, author, blockedIds, preferences] = await Promise.all([
    query.category ? findCategoryBySlug(ctx.db, query.category) : null,
    query.author ? findMemberByHandle(ctx, query.author) : null,
    findBlockedIds(ctx, auth.user.id),
    findPreferences(ctx.db, auth.user.id),
  ]);
  if ((query.category && !category) || (query.author && !author)) return noResults();
  const common = {
    text,
    categoryId: category?.id ?? null,
    authorId: author?.id ?? null,
    fromDay: query.from,
    toDay: query.to,
    blockedIds,
    limit: SEARCH_PAGE_SIZE + 1,
  };
  const rows = await searchVisiblePosts(
    ctx.db,
    query.sort === 'newest' ? { ...common, sort: 'newest', after: newestAfter } : { ...common, sort: 'relevant', offset },
  );
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  const [topicsById, members] = await Promise.all([
    findTopicsByIds(
      ctx.db,
      page.map((row) => row.topicId),
    ),
    findMemberCardsByIds(
      ctx,
      page.map((row) => row.authorId),
    ),
  ]);
  const categories = await findCategoriesByIds(
    ctx.db,
    [...topicsById.values()].map((topic) => topic.categoryId),
  );
  const context: PresentingContext = {
    viewer: { id: auth.user.id, role: auth.user.role },
    members,
    preferences: preferences ?? { expandWarnedStories: false, alwaysCollapsedWarnings: [] },
    newMemberDays: ctx.config.community.newMemberDays,
  };
  const results = page.flatMap((row): SearchResult[] => {
    const topic = topicsById.get(row.topicId);
    const topicCategory = topic ? categories.get(topic.categoryId) : undefined;
    if (!topic || !topicCategory) return []; // gone between the two reads
    return [
      {
        topicId: topic.id,
        topicTitle: topic.title,
        titleParts: excerptPartsOf(row.titleHighlight),
        postId: row.postId,
        postNumber: row.postNumber,
        category: { slug: topicCategory.slug, name: topicCategory.name },
        author: presentAuthor(row, context),
        createdAt: new Date(row.createdAt).toISOString(),
        // A story folded behind its warnings shows only its title and warnings until opened.
        excerpt: isCollapsedFor(topic, context.preferences) ? [] : excerptPartsOf(row.excerptHighlight),
        contentWarnings: topic.contentWarnings,
      },
    ];
  });
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > SEARCH_PAGE_SIZE && last) {
    if (query.sort === 'newest') nextCursor = encodeCursor({ at: last.createdAt, id: last.postId });
    else if (offset + SEARCH_PAGE_SIZE < RANKED_WINDOW) nextCursor = encodeCursor({ offset: offset + SEARCH_PAGE_SIZE });
  }
  return { results, nextCursor };
}
