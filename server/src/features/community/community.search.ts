/**
 * Community search: PostgreSQL full-text search (websearch_to_tsquery, English) over the posts a
 * member may read, newest first or most relevant first. An opening post's document holds its
 * topic's title (weight A) and its text (weight B); a reply's, its text. Excerpts are plain-text
 * parts built by ts_headline with control-character markers, never HTML.
 *
 * Speed at a million posts (bench/community.ts): see findNewestMatchingPosts. "Relevant" ranks
 * (ts_rank_cd) only the newest RANKED_WINDOW matches, so a common word costs no more than a rarer
 * one; headlines are made for the page's rows only.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
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
import { posts, topics } from './community.tables.ts';

export const SEARCH_PAGE_SIZE = 20;
/**
 * "Relevant" ranks this many of the newest matches (ten pages), and pages no further. 1,000 cost
 * 60–600 ms for words in 0.1–5% of a million posts on two cores; 200 keeps them near 20–100.
 */
export const RANKED_WINDOW = 200;

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

/** A search with the names in it resolved to ids: what the queries need. */
export type PostSearch = {
  text: string;
  categoryId: string | null;
  authorId: string | null;
  /** First and last day, YYYY-MM-DD, inclusive, in UTC. */
  fromDay: string | undefined;
  toDay: string | undefined;
  /** Members whose posts (and topics) are left out unless written anonymously. */
  blockedIds: ReadonlySet<string>;
};

/** A post position in newest-first order; createdAt has microseconds, in UTC. */
export type PostPosition = { createdAt: string; id: string };
/** A matching post, where it sorts and (when asked for) its rank. */
export type PostMatch = PostPosition & { rank: number };

/**
 * How many of the newest posts the first look reads, matching each one's document (no index):
 * enough to fill a page when the words are common, and to measure how common they are when not.
 */
export const RECENT_SCAN_POSTS = 1000;
/** The furthest a later look reaches back at once, in posts (about). */
const MAX_LOOK_POSTS = 250_000;
// What finding matches costs, relative to reading one post in created_at order and matching its
// document (measured at a million posts, bench/community.ts): an entry of the search index, an
// entry of the created_at index, and fetching one match found through the indexes.
const COST_INDEX_ENTRY = 0.11;
const COST_RANGE_ENTRY = 0.03;
const COST_FETCH_MATCH = 7;

const tsQuery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;
const strippedOfMarkers = (column: SQL) => sql`translate(${column}, ${START_MATCH + STOP_MATCH}, '')`;
const createdAtText = (alias: string) =>
  sql`to_char(${sql.raw(alias)}.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Conditions on the posts table alone (alias p), which its indexes can serve: where to read. */
function postRangeConditions(
  search: PostSearch,
  before: PostPosition | undefined,
  notBefore?: PostPosition | null,
): SQL[] {
  return [
    // Never an anonymous post: matching it by its author would tell who wrote it.
    ...(search.authorId ? [sql`p.author_id = ${search.authorId}`, sql`not p.is_anonymous`] : []),
    ...(search.fromDay ? [sql`p.created_at >= (${search.fromDay}::date)::timestamp at time zone 'UTC'`] : []),
    ...(search.toDay ? [sql`p.created_at < (${search.toDay}::date + 1)::timestamp at time zone 'UTC'`] : []),
    ...(before ? [sql`(p.created_at, p.id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`] : []),
    ...(notBefore ? [sql`(p.created_at, p.id) >= (${notBefore.createdAt}::timestamptz, ${notBefore.id}::uuid)`] : []),
  ];
}

/** What else a visible match must be: not deleted or hidden, in a visible topic, not by someone blocked. */
function visibilityConditions(search: PostSearch): SQL[] {
  const blocked = [...search.blockedIds];
  const topicConditions: SQL[] = [
    sql`t.id = p.topic_id`,
    sql`t.deleted_at is null`,
    sql`t.hidden_at is null`,
    search.categoryId ? sql`t.category_id = ${search.categoryId}` : sql`c.is_listed`,
  ];
  if (blocked.length > 0) {
    // As in the topic list: what a blocked member wrote under their handle is left out, anonymous
    // posts and topics stay (leaving them out would tell who wrote them).
    topicConditions.push(sql`(t.is_anonymous or t.author_id is null or t.author_id not in ${blocked})`);
  }
  return [
    sql`p.deleted_at is null`,
    sql`p.hidden_at is null`,
    ...(blocked.length > 0 ? [sql`(p.is_anonymous or p.author_id not in ${blocked})`] : []),
    // A scalar subquery, one primary-key lookup per candidate: as a join or EXISTS the planner may
    // hash every topic first, which costs more than the lookups a search makes.
    sql`(select true from topics t join forum_categories c on c.id = t.category_id where ${and(...topicConditions)})`,
  ];
}

const matchColumns = (search: PostSearch, withRank: boolean) =>
  sql`p.id as "id", ${createdAtText('p')} as "createdAt",
    ${withRank ? sql`ts_rank_cd(p.search_document, ${tsQuery(search.text)}, 1)` : sql`0`} as "rank"`;

/**
 * The SQL that reads the newest `scan` posts (before a position) one by one and keeps up to
 * `limit` that match. ts_match_vq is @@ that no index serves: the plan walks the created_at
 * index (or the author's) and stops at `limit` matches or `scan` posts, however common the words.
 */
export function scanNewestPostsQuery(
  search: PostSearch,
  options: { before: PostPosition | undefined; scan: number; limit: number; withRank: boolean },
): SQL {
  const range = postRangeConditions(search, options.before);
  return sql`select ${matchColumns(search, options.withRank)}
    from (select * from posts p ${range.length > 0 ? sql`where ${and(...range)}` : sql``}
      order by p.created_at desc, p.id desc limit ${options.scan}) p
    where ${and(
      // Folded to a constant when planned: words that are all stop words read nothing at all.
      sql`numnode(${tsQuery(search.text)}) > 0`,
      sql`ts_match_vq(p.search_document, ${tsQuery(search.text)})`,
      ...visibilityConditions(search),
    )}
    order by p.created_at desc, p.id desc
    limit ${options.limit}`;
}

/**
 * The SQL that finds the newest matches between two positions: through the search index (the
 * planner may intersect it with the created_at range), or by reading the range's posts newest
 * first and matching each one's document (ts_match_vq is @@ that no index serves).
 */
export function matchesInRangeQuery(
  search: PostSearch,
  options: {
    way: 'index' | 'scan';
    before: PostPosition | undefined;
    notBefore: PostPosition | null;
    limit: number;
    withRank: boolean;
  },
): SQL {
  const query = tsQuery(search.text);
  return sql`select ${matchColumns(search, options.withRank)}
    from posts p
    where ${and(
      sql`numnode(${query}) > 0`,
      options.way === 'index' ? sql`p.search_document @@ ${query}` : sql`ts_match_vq(p.search_document, ${query})`,
      ...postRangeConditions(search, options.before, options.notBefore),
      ...visibilityConditions(search),
    )}
    order by p.created_at desc, p.id desc
    limit ${options.limit}`;
}

type MatchRow = { id: string; createdAt: string; rank: number | string };

/** The rows of a plain SQL query: both drivers (node-postgres, PGlite) answer { rows }. */
async function rowsOf<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}

async function matchesOf(db: Database, query: SQL): Promise<PostMatch[]> {
  // A real (the rank) may arrive as text.
  const rows = await rowsOf<MatchRow>(db, query);
  return rows.map((row) => ({ id: row.id, createdAt: row.createdAt, rank: Number(row.rank) }));
}

/**
 * Of the `count` newest posts (before a position) in the search's range: how many match the words
 * at all (whatever their forum or visibility: what the search index would hand over), and the
 * position of the last of them, if there are that many.
 */
async function measureNewestPosts(
  db: Database,
  search: PostSearch,
  before: PostPosition | undefined,
  count: number,
): Promise<{ wordMatches: number; end: PostPosition | null }> {
  const range = postRangeConditions(search, before);
  const [row] = await rowsOf<{ wordMatches: number | string; endId: string | null; endAt: string | null }>(
    db,
    sql`select
      count(*) filter (where ts_match_vq(p.search_document, ${tsQuery(search.text)}))::int as "wordMatches",
      max(case when p.n = ${count} then p.id::text end) as "endId",
      max(case when p.n = ${count} then ${createdAtText('p')} end) as "endAt"
    from (select p.id, p.created_at, p.search_document, row_number() over (order by p.created_at desc, p.id desc) as n
      from posts p ${range.length > 0 ? sql`where ${and(...range)}` : sql``}
      order by p.created_at desc, p.id desc limit ${count}) p`,
  );
  return {
    wordMatches: Number(row?.wordMatches ?? 0),
    end: row?.endId && row.endAt ? { id: row.endId, createdAt: row.endAt } : null,
  };
}

const POST_STATS_TTL_MS = 60_000;
const postStatsByDatabase = new WeakMap<Database, { count: number; oldest: number; at: number }>();

/** About how many posts there are (the planner's count) and when the oldest was written; remembered for a minute. */
async function findPostStats(db: Database): Promise<{ count: number; oldest: number }> {
  const known = postStatsByDatabase.get(db);
  if (known && Date.now() - known.at < POST_STATS_TTL_MS) return known;
  const [row] = await rowsOf<{ count: number | string; oldest: string | null }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as "count",
      (select to_char(min(created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from posts) as "oldest"
      from pg_class where oid = 'posts'::regclass`,
  );
  const stats = {
    count: Number(row?.count ?? 0),
    oldest: row?.oldest ? Date.parse(row.oldest) : Number.NEGATIVE_INFINITY,
    at: Date.now(),
  };
  postStatsByDatabase.set(db, stats);
  return stats;
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
/** The position before every post written at that instant or later. */
const positionAt = (time: number): PostPosition => ({ createdAt: new Date(time).toISOString(), id: ZERO_UUID });

/**
 * The newest visible posts matching a search (older than a position, when paging), with their
 * rank when asked for: up to `limit`, newest first. Words that reduce to no search terms match
 * nothing.
 *
 * No one plan is cheap for every word: reading posts newest first costs little for common words
 * and a great deal for rare ones; the search index is the other way round (it reads every match
 * of every word, then sorts them); and the planner's estimates for text search are too rough to
 * choose (phrases, words that go together). So the first look reads the newest RECENT_SCAN_POSTS,
 * which fills a page of common words and measures how common the words are (and how many posts
 * a day there are); each later look covers the stretch of time that should hold the rest, read
 * newest first or through the search index intersected with that stretch, whichever costs less.
 */
export async function findNewestMatchingPosts(
  db: Database,
  search: PostSearch,
  options: { before: PostPosition | undefined; limit: number; withRank: boolean },
): Promise<PostMatch[]> {
  const { limit, withRank } = options;
  const matches = await matchesOf(
    db,
    scanNewestPostsQuery(search, { before: options.before, scan: RECENT_SCAN_POSTS, limit, withRank }),
  );
  if (matches.length >= limit) return matches;
  const first = await measureNewestPosts(db, search, options.before, RECENT_SCAN_POSTS);
  if (!first.end) return matches; // every post was read
  let before: PostPosition = first.end;
  // How many posts the search index would hand over for each post written, before the forum,
  // visibility and blocks leave some out: what reading through the index costs.
  const wordDensity = first.wordMatches / RECENT_SCAN_POSTS;
  const stats = await findPostStats(db);
  const floor = Math.max(
    stats.oldest,
    search.fromDay ? Date.parse(`${search.fromDay}T00:00:00Z`) : Number.NEGATIVE_INFINITY,
  );
  const start = options.before ? Date.parse(options.before.createdAt) : Date.now();
  const averageMsPerPost = (Date.now() - stats.oldest) / Math.max(1, stats.count);
  let covered = RECENT_SCAN_POSTS;
  let coveredMs = Math.max(1, start - Date.parse(before.createdAt));
  while (matches.length < limit) {
    const wanted = limit - matches.length;
    // None found yet: suppose half of one in what was read, so the next look reaches further.
    const density = Math.max(matches.length, 0.5) / covered;
    // Words in none of the newest posts are rare: few matches in all, which the index finds cheaply.
    const lookPosts =
      wordDensity === 0
        ? Number.POSITIVE_INFINITY
        : Math.min(MAX_LOOK_POSTS, Math.ceil((wanted / density) * 1.5) + 100);
    // How long it took to write that many posts: at the rate of the posts read so far, but no
    // faster than a quarter of the average (a burst of posts must not make every look tiny).
    const lookMs = lookPosts * Math.max(coveredMs / covered, averageMsPerPost / 4);
    const lookStart: number = Date.parse(before.createdAt) - lookMs;
    const notBefore: PostPosition | null = lookStart <= floor ? null : positionAt(lookStart);
    const lookedAt = notBefore ? lookPosts : stats.count;
    const indexCost =
      wordDensity * stats.count * COST_INDEX_ENTRY +
      lookedAt * COST_RANGE_ENTRY +
      wordDensity * lookedAt * COST_FETCH_MATCH;
    const way = wordDensity > 0 && lookedAt <= indexCost ? 'scan' : 'index';
    matches.push(
      ...(await matchesOf(db, matchesInRangeQuery(search, { way, before, notBefore, limit: wanted, withRank }))),
    );
    if (!notBefore) break;
    before = notBefore;
    covered += lookPosts;
    coveredMs += lookMs;
  }
  return matches;
}

/** What a result shows of a post: where it is, who wrote it, its title and text highlighted. */
export type HighlightedPost = {
  id: string;
  number: number;
  topicId: string;
  authorId: string;
  isAnonymous: boolean;
  createdAt: string;
  titleHighlight: string;
  excerptHighlight: string;
};

/** These posts with their topic's title and an excerpt highlighted for the search words. */
export async function findPostsWithHighlights(
  db: Database,
  text: string,
  postIds: readonly string[],
): Promise<Map<string, HighlightedPost>> {
  if (postIds.length === 0) return new Map();
  const query = tsQuery(text);
  const result: unknown = await db.execute(sql`
    select ${posts.id} as "id", ${posts.number} as "number", ${posts.topicId} as "topicId",
      ${posts.authorId} as "authorId", ${posts.isAnonymous} as "isAnonymous",
      to_char(${posts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
      ts_headline('english', ${strippedOfMarkers(sql`${topics.title}`)}, ${query}, ${TITLE_OPTIONS}) as "titleHighlight",
      ts_headline('english', ${strippedOfMarkers(sql`${posts.bodyText}`)}, ${query}, ${EXCERPT_OPTIONS}) as "excerptHighlight"
    from ${posts}
    join ${topics} on ${topics.id} = ${posts.topicId}
    where ${inArray(posts.id, [...postIds])}`);
  const rows = (result as { rows: HighlightedPost[] }).rows;
  return new Map(rows.map((row) => [row.id, row]));
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
    const clean = text.replaceAll(START_MATCH, '').replaceAll(STOP_MATCH, '').replace(/\s+/g, ' ');
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

/** Where a page starts: after a position (newest first), or at an offset in the ranked window. */
export type SearchPageStart =
  { sort: 'newest'; after: PostPosition | undefined } | { sort: 'relevant'; offset: number };

/**
 * One page of a search's visible matches with their highlights: newest first, or ranked (ts_rank_cd)
 * within the newest RANKED_WINDOW matches. `last` is where the next page starts, when there is one.
 */
export async function findSearchPage(
  db: Database,
  search: PostSearch,
  start: SearchPageStart,
): Promise<{ posts: HighlightedPost[]; last: PostPosition | null }> {
  let matches: PostMatch[];
  if (start.sort === 'newest') {
    matches = await findNewestMatchingPosts(db, search, {
      before: start.after,
      limit: SEARCH_PAGE_SIZE + 1,
      withRank: false,
    });
  } else {
    // Ranked within the newest matches only: a word in half the posts costs no more than a rarer one.
    const ranked = await findNewestMatchingPosts(db, search, {
      before: undefined,
      limit: RANKED_WINDOW,
      withRank: true,
    });
    ranked.sort((a, b) => b.rank - a.rank || compareNewestFirst(a, b));
    matches = ranked.slice(start.offset, start.offset + SEARCH_PAGE_SIZE + 1);
  }
  const page = matches.slice(0, SEARCH_PAGE_SIZE);
  const highlighted = await findPostsWithHighlights(
    db,
    search.text,
    page.map((match) => match.id),
  );
  return {
    posts: page.flatMap((match) => highlighted.get(match.id) ?? []),
    last: matches.length > SEARCH_PAGE_SIZE ? page.at(-1)! : null,
  };
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
  const text = query.q.replaceAll('\u0000', ' ');
  const after = query.sort === 'newest' ? decodeCursor(newestCursorSchema, query.cursor) : undefined;
  const offset = query.sort === 'relevant' ? (decodeCursor(relevantCursorSchema, query.cursor)?.offset ?? 0) : 0;
  if ([query.category, query.author].some((name) => name !== undefined && !isStorable(name))) return noResults();
  const [category, author, blockedIds, preferences] = await Promise.all([
    query.category ? findCategoryBySlug(ctx.db, query.category) : null,
    query.author ? findMemberByHandle(ctx, query.author) : null,
    findBlockedIds(ctx, auth.user.id),
    findPreferences(ctx.db, auth.user.id),
  ]);
  if ((query.category && !category) || (query.author && !author)) return noResults();
  const search: PostSearch = {
    text,
    categoryId: category?.id ?? null,
    authorId: author?.id ?? null,
    fromDay: query.from,
    toDay: query.to,
    blockedIds,
  };

  const { posts: rows, last } = await findSearchPage(
    ctx.db,
    search,
    query.sort === 'newest'
      ? { sort: 'newest', after: after ? { createdAt: after.at, id: after.id } : undefined }
      : { sort: 'relevant', offset },
  );
  const [topicsById, members] = await Promise.all([
    findTopicsByIds(
      ctx.db,
      rows.map((row) => row.topicId),
    ),
    findMemberCardsByIds(
      ctx,
      rows.map((row) => row.authorId),
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
  const results = rows.flatMap((row): SearchResult[] => {
    const topic = topicsById.get(row.topicId);
    const topicCategory = topic ? categories.get(topic.categoryId) : undefined;
    if (!topic || !topicCategory) return []; // gone between the reads
    return [
      {
        topicId: topic.id,
        topicTitle: topic.title,
        titleParts: excerptPartsOf(row.titleHighlight),
        postId: row.id,
        postNumber: row.number,
        category: { slug: topicCategory.slug, name: topicCategory.name },
        author: presentAuthor(row, context),
        createdAt: new Date(row.createdAt).toISOString(),
        // A story folded behind its warnings shows only its title and warnings until opened.
        excerpt: isCollapsedFor(topic, context.preferences) ? [] : excerptPartsOf(row.excerptHighlight),
        contentWarnings: topic.contentWarnings,
      },
    ];
  });
  let nextCursor: string | null = null;
  if (last) {
    nextCursor =
      query.sort === 'newest'
        ? encodeCursor({ at: last.createdAt, id: last.id })
        : encodeCursor({ offset: offset + SEARCH_PAGE_SIZE });
  }
  return { results, nextCursor };
}

function compareNewestFirst(a: PostPosition, b: PostPosition): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
