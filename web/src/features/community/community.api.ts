/**
 * The community as queries and mutations: categories, topics and their posts, replies, reactions,
 * follows and unread markers, search, content-warning preferences, resource articles; and the
 * safety and moderation calls a post offers (report, block, hide, pin, lock, move).
 */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  Article,
  ArticleSummary,
  CategoryList,
  CommunityPreferences,
  Post,
  PostReaction,
  PostRevisionList,
  PostUpdate,
  PostWritten,
  ReplyInput,
  SearchResponse,
  TopicCreated,
  TopicDetail,
  TopicInput,
  TopicList,
  TopicResponse,
} from '@kindred/common/community';
import type { ReportInput, TopicModerationInput } from '@kindred/common/moderation';
import { api } from '../../lib/api.ts';

/* ----------------------------------------------------------------- query keys */

export const communityQueryKey = ['community'] as const;
export const categoriesQueryKey = ['community', 'categories'] as const;
const topicListsQueryKey = ['community', 'topics'] as const;
export const topicListQueryKey = (filter: TopicListFilter) =>
  [...topicListsQueryKey, filter.category ?? '', filter.isFollowing ? 'following' : 'all'] as const;
export const topicQueryKey = (id: string) => ['community', 'topic', id] as const;
export const postSourceQueryKey = (postId: string) => ['community', 'post-source', postId] as const;
export const revisionsQueryKey = (postId: string) => ['community', 'revisions', postId] as const;
export const communitySearchQueryKey = (query: string) => ['community', 'search', query] as const;
export const communityPreferencesQueryKey = ['community', 'preferences'] as const;
export const articlesQueryKey = ['resources', 'articles'] as const;
export const articleQueryKey = (slug: string) => ['resources', 'article', slug] as const;
/** The header bell's count (owned by notifications): reading a topic may clear some of it. */
export const unreadNotificationsQueryKey = ['notifications', 'unread-count'] as const;

const topicPath = (id: string) => `/api/community/topics/${encodeURIComponent(id)}`;
const postPath = (id: string) => `/api/community/posts/${encodeURIComponent(id)}`;

/* ----------------------------------------------------------------- categories and topic lists */

/** The forums' categories, in their order. */
export function useCategories() {
  return useQuery({
    queryKey: categoriesQueryKey,
    queryFn: async () => (await api.get<CategoryList>('/api/community/categories')).categories,
    staleTime: 5 * 60 * 1000,
  });
}

export type TopicListFilter = { category?: string | undefined; isFollowing?: boolean };

/** Topics, newest activity first (pinned first inside a category), a page at a time. */
export function useTopicList(filter: TopicListFilter) {
  return useInfiniteQuery({
    queryKey: topicListQueryKey(filter),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (filter.category) params.set('category', filter.category);
      if (filter.isFollowing) params.set('following', 'true');
      if (pageParam) params.set('cursor', pageParam);
      const query = params.toString();
      return api.get<TopicList>(`/api/community/topics${query === '' ? '' : `?${query}`}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/* ----------------------------------------------------------------- one topic */

type TopicData = InfiniteData<TopicResponse, number | null>;

/** A topic and its posts in order, 100 at a time ("Load more" asks for the posts after the last one). */
export function useTopic(id: string, { isEnabled = true }: { isEnabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: topicQueryKey(id),
    queryFn: ({ pageParam }) =>
      api.get<TopicResponse>(pageParam === null ? topicPath(id) : `${topicPath(id)}?after=${pageParam}`),
    initialPageParam: null as number | null,
    getNextPageParam: (lastPage) => lastPage.nextAfter,
    enabled: isEnabled && id !== '',
  });
}

/** Puts the server's new version of one post into its topic. */
function replacePost(queryClient: QueryClient, post: Post): void {
  queryClient.setQueryData<TopicData>(topicQueryKey(post.topicId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            posts: page.posts.map((each) => (each.id === post.id ? post : each)),
          })),
        }
      : data,
  );
}

/** Puts the server's new version of a topic into every page of it. */
function replaceTopic(queryClient: QueryClient, topic: TopicDetail): void {
  queryClient.setQueryData<TopicData>(topicQueryKey(topic.id), (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, topic })) } : data,
  );
}

/** Adds a new reply at the end, when the end of the topic is what is on the page. */
function appendPost(queryClient: QueryClient, post: Post): void {
  queryClient.setQueryData<TopicData>(topicQueryKey(post.topicId), (data) => {
    const last = data?.pages.at(-1);
    if (!data || !last || last.nextAfter !== null || last.posts.some((each) => each.id === post.id)) return data;
    return { ...data, pages: [...data.pages.slice(0, -1), { ...last, posts: [...last.posts, post] }] };
  });
}

const invalidateTopicLists = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: topicListsQueryKey }),
    queryClient.invalidateQueries({ queryKey: categoriesQueryKey }),
  ]);

/** Start a topic (a discussion or a recovery story). */
export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TopicInput) => api.post<TopicCreated>('/api/community/topics', input),
    onSuccess: ({ topic, post }) => {
      // The topic's page opens at once with what the server answered.
      queryClient.setQueryData<TopicData>(topicQueryKey(topic.id), {
        pages: [{ topic, posts: [post], nextAfter: null }],
        pageParams: [null],
      });
      void invalidateTopicLists(queryClient);
    },
  });
}

/** Reply to a topic, or to one reply in it. */
export function useReply(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplyInput) => api.post<PostWritten>(`${topicPath(topicId)}/posts`, input),
    onSuccess: ({ post }) => {
      appendPost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: topicQueryKey(topicId) });
      void invalidateTopicLists(queryClient);
    },
  });
}

/** Marks the topic read up to this post number (it stops counting as new). */
export function useMarkTopicRead(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lastReadNumber: number) => api.put<undefined>(`${topicPath(topicId)}/read`, { lastReadNumber }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: topicListsQueryKey });
      void queryClient.invalidateQueries({ queryKey: unreadNotificationsQueryKey });
    },
  });
}

/** Follow a topic (notifications about new replies) or stop following it. */
export function useFollowTopic(topic: TopicDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isFollowing: boolean) =>
      isFollowing
        ? api.put<undefined>(`${topicPath(topic.id)}/follow`)
        : api.delete<undefined>(`${topicPath(topic.id)}/follow`),
    onSuccess: (_answer, isFollowing) => {
      const current = queryClient.getQueryData<TopicData>(topicQueryKey(topic.id))?.pages[0]?.topic ?? topic;
      replaceTopic(queryClient, { ...current, isFollowing });
      void queryClient.invalidateQueries({ queryKey: topicListsQueryKey });
    },
  });
}

/* ----------------------------------------------------------------- one post */

/** The member's own Markdown of a post, to change it. */
export function usePostSource(postId: string) {
  return useQuery({
    queryKey: postSourceQueryKey(postId),
    queryFn: () => api.get<{ title: string | null; body: string }>(`${postPath(postId)}/source`),
    // Always the latest words: an older copy would undo an edit made elsewhere.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Change one's own post (and, for a topic's first post, its title and content warnings). */
export function useEditPost(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: PostUpdate) => api.patch<PostWritten>(postPath(post.id), update),
    onSuccess: (written, update) => {
      replacePost(queryClient, written.post);
      queryClient.removeQueries({ queryKey: postSourceQueryKey(post.id) });
      if (update.title !== undefined || update.contentWarnings !== undefined) {
        void queryClient.invalidateQueries({ queryKey: topicQueryKey(post.topicId) });
        void invalidateTopicLists(queryClient);
      }
    },
  });
}

/** Delete a post: it stays in the topic as "This post was deleted." */
export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (post: Post) => api.delete<undefined>(postPath(post.id)),
    onSuccess: (_answer, post) => {
      void queryClient.invalidateQueries({ queryKey: topicQueryKey(post.topicId) });
      void invalidateTopicLists(queryClient);
    },
  });
}

/** Add or take back one reaction on a post. */
export function useReact(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reaction, isOn }: { reaction: PostReaction; isOn: boolean }) => {
      const path = `${postPath(post.id)}/reactions/${encodeURIComponent(reaction)}`;
      return (isOn ? await api.put<{ post: Post }>(path) : await api.delete<{ post: Post }>(path)).post;
    },
    onSuccess: (updated) => replacePost(queryClient, updated),
  });
}

/** Earlier versions of an edited post (moderators). */
export function usePostRevisions(postId: string) {
  return useQuery({
    queryKey: revisionsQueryKey(postId),
    queryFn: () => api.get<PostRevisionList>(`${postPath(postId)}/revisions`),
    staleTime: 0,
  });
}

/* ----------------------------------------------------------------- safety: report and block */

/** Report a post to the moderators; answers with a message to show. */
export function useReportPost() {
  return useMutation({
    mutationFn: async (input: ReportInput) =>
      (await api.post<{ report: { id: string; message: string } }>('/api/safety/reports', input)).report,
  });
}

/** Block a member: their posts and messages go out of sight, and they are not told. */
export function useBlockMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) => api.put<undefined>(`/api/safety/blocks/${encodeURIComponent(handle)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: communityQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['safety', 'blocks'] });
    },
  });
}

/* ----------------------------------------------------------------- moderation */

const invalidateModeration = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['moderation'] });

/** Pin, lock or move a topic (moderators), with the reason for the log. */
export function useModerateTopic(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TopicModerationInput) =>
      (await api.patch<{ topic: TopicDetail }>(`/api/moderation/topics/${encodeURIComponent(topicId)}`, input)).topic,
    onSuccess: (topic) => {
      replaceTopic(queryClient, topic);
      void invalidateTopicLists(queryClient);
      void invalidateModeration(queryClient);
    },
  });
}

/** Hide a post from members, or show it again (moderators), with the reason for the log. */
export function useSetPostHidden() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ post, isHidden, reason }: { post: Post; isHidden: boolean; reason: string }) =>
      (
        await api.post<{ post: Post }>(
          `/api/moderation/posts/${encodeURIComponent(post.id)}/${isHidden ? 'hide' : 'unhide'}`,
          { reason },
        )
      ).post,
    onSuccess: (updated) => {
      replacePost(queryClient, updated);
      void invalidateModeration(queryClient);
    },
  });
}

/* ----------------------------------------------------------------- search and preferences */

/** Search results, a page at a time. `query` is the API's query string (no leading "?"); empty asks nothing. */
export function useCommunitySearch(query: string) {
  return useInfiniteQuery({
    queryKey: communitySearchQueryKey(query),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<SearchResponse>(`/api/community/search?${params.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled: query !== '',
  });
}

export function useCommunityPreferences() {
  return useQuery({
    queryKey: communityPreferencesQueryKey,
    queryFn: async () =>
      (await api.get<{ preferences: CommunityPreferences }>('/api/community/preferences')).preferences,
  });
}

export function useSaveCommunityPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (preferences: CommunityPreferences) =>
      (await api.put<{ preferences: CommunityPreferences }>('/api/community/preferences', preferences)).preferences,
    onSuccess: (preferences) => {
      queryClient.setQueryData(communityPreferencesQueryKey, preferences);
      // Which stories are folded depends on these choices.
      void queryClient.invalidateQueries({
        queryKey: communityQueryKey,
        predicate: (query) => query.queryKey[1] !== 'preferences',
      });
    },
  });
}

/* ----------------------------------------------------------------- resource articles */

/** The resource articles (public). */
export function useArticles() {
  return useQuery({
    queryKey: articlesQueryKey,
    queryFn: async () => (await api.get<{ articles: ArticleSummary[] }>('/api/resources/articles')).articles,
    staleTime: 5 * 60 * 1000,
  });
}

/** One resource article (public); its comments are the posts of its discussion topic. */
export function useArticle(slug: string) {
  return useQuery({
    queryKey: articleQueryKey(slug),
    queryFn: async () =>
      (await api.get<{ article: Article }>(`/api/resources/articles/${encodeURIComponent(slug)}`)).article,
  });
}
