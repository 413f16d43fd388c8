/**
 * Community search: PostgreSQL full-text search (websearch_to_tsquery, English) over the posts a
 * member may read, newest first or most relevant first. An opening post's document holds its
 * topic's title (weight A) and its text (weight B); a reply's, its text. Excerpts are plain-text
 * parts built by ts_headline with control-character markers, never HTML.
 *
 * Matches are found in post_search_entries (community.tables.ts), a narrow copy of the searchable
 * posts with their forum, kept true by the writes themselves: no visibility check, no topic lookup
 * and no out-of-line document per candidate. "Relevant" ranks (ts_rank_cd) only the newest
 * RANKED_WINDOW matches; headlines are made for the page's rows only. Figures: bench/README.md.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ExcerptPart, SearchResponse, SearchResult, searchQuerySchema } from '@kindred/common/community';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import { findMemberByHandle } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { findBlockedIds } from '../safety/safety.blocks.ts';
import { isCollapsedFor, presentAuthor } from './community.presenters.ts';
import { findCategoriesByIds, findCategoryBySlug, findTopicsByIds } from './community.queries.ts';
import { presentingContext } from './community.service.ts';
import { posts, topics } from './community.tables.ts';

export const SEARCH_PAGE_SIZE = 20;
/**
 * "Relevant" ranks this many of the newest matches (five pages), and pages no further: finding
 * them costs what five pages of "newest" cost. 200 cost about twice as much for rare words and
 * phrases at a million posts (their matches are scattered: each is one more page read).
 */
export const RANKED_WINDOW = 100;

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
/** A span of time (ISO instants; `from` inclusive, `until` exclusive; either may be open). */
export type TimeWindow = { from?: string | undefined; until?: string | undefined };
/** A matching post, where it sorts and (when asked for) its rank. */
export type PostMatch = PostPosition & { rank: number };

/** How many of the newest entries the first look reads, matching each one's document (no index). */
export const RECENT_SCAN_ENTRIES = 1000;
/** Sorts before every other id at the same instant: "before (t, OLDEST_ID)" is "before t". */
const OLDEST_ID = '00000000-0000-0000-0000-000000000000';
/** The most windows of time the index looks in before it looks in all that is older. */
const MAX_WINDOWS = 3;
/** The most entries one later look reads one by one. */
const MAX_SCAN_ENTRIES = 100_000;
// Reading an entry through the search index (a bitmap of scattered rows, each fetched) costs about
// this many entries read in created_at order (bench/community.ts, a million posts).
const INDEX_CANDIDATE_COST = 3;

const tsQuery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;
const strippedOfMarkers = (column: SQL) => sql`translate(${column}, ${START_MATCH + STOP_MATCH}, '')`;
const createdAtText = sql`to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Where the entries a search reads are (alias e): an index on the entries serves these. */
function rangeConditions(search: PostSearch, before: PostPosition | undefined): SQL[] {
  return [
    ...(search.categoryId ? [sql`e.category_id = ${search.categoryId}`] : []),
    // Never an anonymous post: matching it by its author would tell who wrote it.
    ...(search.authorId ? [sql`e.author_id = ${search.authorId}`, sql`not e.is_anonymous`] : []),
    ...(search.fromDay ? [sql`e.created_at >= (${search.fromDay}::date)::timestamp at time zone 'UTC'`] : []),
    ...(search.toDay ? [sql`e.created_at < (${search.toDay}::date + 1)::timestamp at time zone 'UTC'`] : []),
    ...positionConditions(before),
  ];
}

/** Older than a position, when paging (alias e). */
const positionConditions = (before: PostPosition | undefined): SQL[] =>
  before ? [sql`(e.created_at, e.post_id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`] : [];

/** What else a visible match must be: in a listed forum (unless one was asked for), not by someone blocked. */
function viewerConditions(search: PostSearch): SQL[] {
  const blocked = [...search.blockedIds];
  return [
    // Folded to a constant when planned: words that are all stop words read nothing at all.
    sql`numnode(${tsQuery(search.text)}) > 0`,
    ...(search.categoryId ? [] : [sql`e.category_id in (select id from forum_categories where is_listed)`]),
    // As in the topic list: what a blocked member wrote under their handle is left out, and so is
    // everything in a topic they started under it; anonymous posts and topics stay (leaving them
    // out would tell who wrote them).
    ...(blocked.length > 0
      ? [
          sql`(e.is_anonymous or e.author_id not in ${blocked})`,
          sql`(e.named_topic_author_id is null or e.named_topic_author_id not in ${blocked})`,
        ]
      : []),
  ];
}

/**
 * The rank of a match (ts_rank_cd, length-normalized), read by primary key once the match is
 * chosen: ranking every entry read would cost more than finding them.
 */
const rankOf = (search: PostSearch, withRank: boolean, postId = 'e.post_id') =>
  withRank
    ? sql`(select ts_rank_cd(r.search_document, ${tsQuery(search.text)}, 1) from post_search_entries r
        where r.post_id = ${sql.raw(postId)})`
    : sql`0`;

/**
 * The SQL that reads the newest `scan` entries of the search's range (before a position) one by
 * one, newest first through a btree index (the forum's, the author's or all), and answers up to
 * `limit` visible matches among them, how many matched the words at all, how many were read and
 * the last one read. ts_match_vq is @@ that no index serves.
 */
export function scanNewestQuery(
  search: PostSearch,
  options: { before: PostPosition | undefined; scan: number; limit: number; withRank: boolean },
): SQL {
  const range = rangeConditions(search, options.before);
  return sql`with recent as materialized (
      select e.post_id, e.created_at, e.category_id, e.author_id, e.is_anonymous, e.named_topic_author_id,
        ts_match_vq(e.search_document, ${tsQuery(search.text)}) as is_match
      from post_search_entries e ${range.length > 0 ? sql`where ${and(...range)}` : sql``}
      order by e.created_at desc, e.post_id desc limit ${options.scan})
    select
      (select count(*)::int from recent) as "read",
      (select count(*)::int from recent where is_match) as "wordMatches",
      (select json_build_object('id', e.post_id, 'createdAt', ${createdAtText}) from recent e
        order by e.created_at, e.post_id limit 1) as "last",
      (select ${createdAtText} from recent e order by e.created_at desc, e.post_id desc limit 1) as "newestAt",
      -- Words in an order ("a phrase"): the index finds every entry holding them all, then checks each.
      position('<' in ${tsQuery(search.text)}::text) > 0 as "isPhrase",
      (select coalesce(json_agg(m), '[]') from (
        select e.post_id as "id", ${createdAtText} as "createdAt", ${rankOf(search, options.withRank)} as "rank"
        from recent e
        where e.is_match and ${and(...viewerConditions(search))}
        order by e.created_at desc, e.post_id desc limit ${options.limit}) m) as "matches"`;
}

/**
 * The SQL that finds the newest visible matches (before a position) through the search index:
 * every entry of the range (forum, author, days) holding the words is read, then the rest is
 * checked and sorted. The index holds the forum beside the words, so a forum's search reads only
 * that forum's matches. The index look is kept apart (materialized) so the planner cannot turn it
 * into a walk in created_at order; the position stays outside it, as a walk from there is what the
 * index is there to avoid. A time window (when given) goes inside: the planner may then read only
 * the window's part of the matches (the search index and the created_at index together).
 */
export function indexMatchesQuery(
  search: PostSearch,
  options: { before: PostPosition | undefined; window?: TimeWindow | undefined; limit: number; withRank: boolean },
): SQL {
  const { window } = options;
  return sql`with candidates as materialized (
      select e.post_id, e.created_at, e.category_id, e.author_id, e.is_anonymous, e.named_topic_author_id
      from post_search_entries e
      where ${and(
        sql`numnode(${tsQuery(search.text)}) > 0`,
        sql`e.search_document @@ ${tsQuery(search.text)}`,
        ...rangeConditions(search, undefined),
        ...(window?.from ? [sql`e.created_at >= ${window.from}::timestamptz`] : []),
        ...(window?.until ? [sql`e.created_at < ${window.until}::timestamptz`] : []),
      )})
    select m.id, m."createdAt", ${rankOf(search, options.withRank, 'm.id')} as "rank" from (
      select e.post_id as "id", ${createdAtText} as "createdAt", e.created_at from candidates e
      where ${and(...positionConditions(options.before), ...viewerConditions(search))}
      order by e.created_at desc, e.post_id desc
      limit ${options.limit}) m
    order by m.created_at desc, m.id desc`;
}

type MatchRow = { id: string; createdAt: string; rank: number | string };
type ScanRow = {
  read: number;
  wordMatches: number;
  last: PostPosition | null;
  newestAt: string | null;
  isPhrase: boolean;
  matches: MatchRow[] | string;
};

/** The rows of a plain SQL query: both drivers (node-postgres, PGlite) answer { rows }. */
async function rowsOf<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}

// A real (the rank) may arrive as text.
const toMatch = (row: MatchRow): PostMatch => ({ id: row.id, createdAt: row.createdAt, rank: Number(row.rank) });

const ENTRY_COUNT_TTL_MS = 60_000;
const entryCountByDatabase = new WeakMap<Database, { count: number; at: number }>();

/** About how many entries there are (the planner's count); remembered for a minute. */
async function findEntryCount(db: Database): Promise<number> {
  const known = entryCountByDatabase.get(db);
  if (known && Date.now() - known.at < ENTRY_COUNT_TTL_MS) return known.count;
  const [row] = await rowsOf<{ count: number | string }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as "count" from pg_class where oid = 'post_search_entries'::regclass`,
  );
  const count = Number(row?.count ?? 0);
  entryCountByDatabase.set(db, { count, at: Date.now() });
  return count;
}

/**
 * About how many entries a search's range holds (a forum, an author, days): the planner's own
 * estimate from the table's statistics, which costs a plan and no reading.
 */
async function estimateRangeEntries(db: Database, search: PostSearch): Promise<number> {
  const range = rangeConditions(search, undefined);
  if (range.length === 0) return findEntryCount(db);
  const [row] = await rowsOf<{ 'QUERY PLAN': unknown }>(
    db,
    sql`explain (format json) select 1 from post_search_entries e where ${and(...range)}`,
  );
  const plan = row?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan?: { 'Plan Rows'?: unknown } }>;
  const estimate = Number(parsed?.[0]?.Plan?.['Plan Rows']);
  return Number.isFinite(estimate) ? estimate : findEntryCount(db);
}

/**
 * The newest visible posts matching a search (older than a position, when paging), with their
 * rank when asked for: up to `limit`, newest first. Words that reduce to no search terms match
 * nothing.
 *
 * Neither plan is cheap for every word: reading entries newest first costs little for common
 * words and a great deal for rare ones; the search index is the other way round (it reads every
 * entry holding the words, then sorts them), and the planner's estimates for phrases and words
 * that go together are too rough to choose. So the first look reads the newest RECENT_SCAN_ENTRIES
 * of the range, which fills a page of common words and measures how common the words are. Then:
 * - words without an order, some found: the index looks in a window of time just older than what
 *   was read, sized at the density and pace found so far to hold twice what is still wanted (the
 *   search index and the created_at index together read only the window's matches), then in the
 *   next window back, up to MAX_WINDOWS, and in all that is older only if they held too few or the
 *   next would span half the range;
 * - otherwise (a phrase, or nothing found yet): reading on costs about (still wanted ÷ density)
 *   entries and the index about (word density × entries in the range: a forum's, an author's,
 *   some days') candidates, and the cheaper is taken (a further look reads on, or the index finishes).
 */
export async function findNewestMatchingPosts(
  db: Database,
  search: PostSearch,
  options: { before: PostPosition | undefined; limit: number; withRank: boolean },
): Promise<PostMatch[]> {
  const { limit, withRank } = options;
  const matches: PostMatch[] = [];
  let before = options.before;
  let scan = RECENT_SCAN_ENTRIES;
  let read = 0;
  let wordMatches = 0;
  let newestAt: string | null = null;
  let olderThanWindows: TimeWindow | undefined;
  let rangeEntries: number | undefined; // asked for once, when the first look falls short
  for (;;) {
    const [look] = await rowsOf<ScanRow>(
      db,
      scanNewestQuery(search, { before, scan, limit: limit - matches.length, withRank }),
    );
    const found = typeof look!.matches === 'string' ? (JSON.parse(look!.matches) as MatchRow[]) : look!.matches;
    matches.push(...found.map(toMatch));
    if (matches.length >= limit || look!.read < scan || !look!.last) return matches; // full, or all read
    read += look!.read;
    wordMatches += look!.wordMatches;
    newestAt ??= look!.newestAt;
    before = look!.last;
    const wanted = limit - matches.length;
    // None found yet: suppose half of one in what was read.
    const toRead = (wanted * read) / Math.max(matches.length, 0.5);
    rangeEntries ??= await estimateRangeEntries(db, search);
    // Words without an order, some found: the index reads only a window of time that should hold
    // them (its cost is the window's place in the created_at index and the few matches in it,
    // not the reading of each entry). A phrase's index look costs every entry holding its words
    // wherever the window is, so a phrase weighs reading on against the index, as below.
    if (!look!.isPhrase && matches.length > 0 && newestAt) {
      const readSpan = Date.parse(newestAt) - Date.parse(before.createdAt);
      // Entries per millisecond of the range, as the reading found them.
      const rate = read / Math.max(readSpan, 1);
      let covered = read;
      // The first window is open towards now: the position leaves out what was read (and keeps
      // what shares the last read instant); each later one ends where the one before began.
      let until: string | undefined;
      for (let window = 1; window <= MAX_WINDOWS; window += 1) {
        const stillWanted = limit - matches.length;
        const windowEntries = (2 * stillWanted * covered) / matches.length;
        if (windowEntries > rangeEntries / 2) break;
        const from = new Date(Date.parse(until ?? before.createdAt) - windowEntries / rate).toISOString();
        const inWindow = await rowsOf<MatchRow>(
          db,
          indexMatchesQuery(search, { before, window: { from, until }, limit: stillWanted, withRank }),
        );
        matches.push(...inWindow.map(toMatch));
        if (matches.length >= limit) return matches;
        before = { createdAt: from, id: OLDEST_ID };
        until = from;
        covered += windowEntries;
      }
      if (until) olderThanWindows = { until };
      break;
    }
    const candidates = (wordMatches / read) * rangeEntries;
    if (toRead > MAX_SCAN_ENTRIES || toRead > candidates * INDEX_CANDIDATE_COST) break;
    scan = Math.ceil(toRead * 1.5) + 100;
  }
  const rest = await rowsOf<MatchRow>(
    db,
    indexMatchesQuery(search, { before, window: olderThanWindows, limit: limit - matches.length, withRank }),
  );
  return [...matches, ...rest.map(toMatch)];
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

/**
 * Searches the forums a member may read: words (websearch syntax: "a phrase", -without, or),
 * optionally in one forum, by one member (never their anonymous posts), between two days (UTC).
 * Names nobody has and words that are all stop words answer no results, not an error.
 */
export async function searchCommunity(ctx: ServiceContext, auth: Auth, query: SearchQuery): Promise<SearchResponse> {
  const after = query.sort === 'newest' ? decodeCursor(newestCursorSchema, query.cursor) : undefined;
  const offset = query.sort === 'relevant' ? (decodeCursor(relevantCursorSchema, query.cursor)?.offset ?? 0) : 0;
  const [category, author, blockedIds] = await Promise.all([
    query.category ? findCategoryBySlug(ctx.db, query.category) : null,
    query.author ? findMemberByHandle(ctx, query.author) : null,
    findBlockedIds(ctx, auth.user.id),
  ]);
  if ((query.category && !category) || (query.author && !author)) return noResults();
  const search: PostSearch = {
    text: query.q,
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
  const topicsById = await findTopicsByIds(
    ctx.db,
    rows.map((row) => row.topicId),
  );
  const categories = await findCategoriesByIds(
    ctx.db,
    [...topicsById.values()].map((topic) => topic.categoryId),
  );
  const context = await presentingContext(
    ctx,
    auth,
    rows.map((row) => row.authorId),
  );
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
