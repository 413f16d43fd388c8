import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  articleListResponseSchema,
  articleParamsSchema,
  articleResponseSchema,
  categoryInputSchema,
  categoryListResponseSchema,
  categoryResponseSchema,
  categoryUpdateSchema,
  communityIdParamsSchema,
  communityPreferencesResponseSchema,
  communityPreferencesSchema,
  markReadInputSchema,
  postResponseSchema,
  postRevisionListSchema,
  postSourceSchema,
  postUpdateSchema,
  postWrittenResponseSchema,
  reactionParamsSchema,
  replyInputSchema,
  searchQuerySchema,
  searchResponseSchema,
  topicCreatedResponseSchema,
  topicInputSchema,
  topicListQuerySchema,
  topicListResponseSchema,
  topicPageQuerySchema,
  topicResponseSchema,
} from '@kindred/common/community';
import type { ServiceContext } from '../../platform/context.ts';
import { noContent, withErrors } from '../../platform/http.ts';
import { requireAuth } from '../accounts/accounts.sessions.ts';
import { getArticle, listArticles } from './community.articles.ts';
import { searchCommunity } from './community.search.ts';
import {
  changeCategory,
  createCategory,
  createTopic,
  deletePost,
  editOwnPost,
  followTopic,
  getOwnPostSource,
  getOwnPreferences,
  getTopicPage,
  listCategories,
  listPostRevisions,
  listTopics,
  markTopicRead,
  reactToPost,
  removeCategory,
  replyToTopic,
  saveOwnPreferences,
  unfollowTopic,
  withdrawReaction,
} from './community.service.ts';

const tags = ['community'];

/** The forums and stories (members only), and the resource articles (public; comments for members). */
export function communityRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    /* categories */
    app.get(
      '/api/community/categories',
      { schema: { tags, summary: 'The forums, in order', response: withErrors({ 200: categoryListResponseSchema }) } },
      async (request) => {
        await requireAuth(ctx, request);
        return listCategories(ctx);
      },
    );
    app.post(
      '/api/community/categories',
      {
        schema: {
          tags,
          summary: 'Add a forum (admins)',
          body: categoryInputSchema,
          response: withErrors({ 201: categoryResponseSchema }),
        },
      },
      async (request, reply) =>
        reply.status(201).send({ category: await createCategory(ctx, await requireAuth(ctx, request), request.body) }),
    );
    app.patch(
      '/api/community/categories/:id',
      {
        schema: {
          tags,
          summary: 'Change a forum (admins)',
          params: communityIdParamsSchema,
          body: categoryUpdateSchema,
          response: withErrors({ 200: categoryResponseSchema }),
        },
      },
      async (request) => ({
        category: await changeCategory(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );
    app.delete(
      '/api/community/categories/:id',
      {
        schema: {
          tags,
          summary: 'Remove an empty forum (admins)',
          params: communityIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await removeCategory(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    /* topics */
    app.get(
      '/api/community/topics',
      {
        schema: {
          tags,
          summary: "Topics: a forum's (pinned first) or the latest across the forums, or those I follow",
          querystring: topicListQuerySchema,
          response: withErrors({ 200: topicListResponseSchema }),
        },
      },
      async (request) => listTopics(ctx, await requireAuth(ctx, request), request.query),
    );
    app.post(
      '/api/community/topics',
      {
        schema: {
          tags,
          summary: 'Start a topic or a recovery story; crisisSupport is set when the words sound like a crisis',
          body: topicInputSchema,
          response: withErrors({ 201: topicCreatedResponseSchema }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTopic(ctx, await requireAuth(ctx, request), request.body)),
    );
    app.get(
      '/api/community/topics/:id',
      {
        schema: {
          tags,
          summary: 'A topic and a page of its posts',
          params: communityIdParamsSchema,
          querystring: topicPageQuerySchema,
          response: withErrors({ 200: topicResponseSchema }),
        },
      },
      async (request) =>
        getTopicPage(ctx, await requireAuth(ctx, request), request.params.id, request.query.after ?? 0),
    );
    app.post(
      '/api/community/topics/:id/posts',
      {
        schema: {
          tags,
          summary: 'Reply to a topic or to a reply in it',
          params: communityIdParamsSchema,
          body: replyInputSchema,
          response: withErrors({ 201: postWrittenResponseSchema }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await replyToTopic(ctx, await requireAuth(ctx, request), request.params.id, request.body)),
    );
    app.put(
      '/api/community/topics/:id/read',
      {
        schema: {
          tags,
          summary: 'I have read up to this post',
          params: communityIdParamsSchema,
          body: markReadInputSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await markTopicRead(ctx, await requireAuth(ctx, request), request.params.id, request.body.lastReadNumber);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/community/topics/:id/follow',
      {
        schema: {
          tags,
          summary: 'Follow a topic',
          params: communityIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await followTopic(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/api/community/topics/:id/follow',
      {
        schema: {
          tags,
          summary: 'Stop following a topic',
          params: communityIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await unfollowTopic(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    /* posts */
    app.get(
      '/api/community/posts/:id/source',
      {
        schema: {
          tags,
          summary: "My own post's Markdown, to edit",
          params: communityIdParamsSchema,
          response: withErrors({ 200: postSourceSchema }),
        },
      },
      async (request) => getOwnPostSource(ctx, await requireAuth(ctx, request), request.params.id),
    );
    app.patch(
      '/api/community/posts/:id',
      {
        schema: {
          tags,
          summary: 'Edit my own post (moderators can read earlier versions)',
          params: communityIdParamsSchema,
          body: postUpdateSchema,
          response: withErrors({ 200: postWrittenResponseSchema }),
        },
      },
      async (request) => editOwnPost(ctx, await requireAuth(ctx, request), request.params.id, request.body),
    );
    app.delete(
      '/api/community/posts/:id',
      {
        schema: {
          tags,
          summary: 'Delete my own post (or any, for moderators)',
          params: communityIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await deletePost(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/community/posts/:id/revisions',
      {
        schema: {
          tags,
          summary: "A post's earlier versions (moderators)",
          params: communityIdParamsSchema,
          response: withErrors({ 200: postRevisionListSchema }),
        },
      },
      async (request) => listPostRevisions(ctx, await requireAuth(ctx, request), request.params.id),
    );
    app.put(
      '/api/community/posts/:id/reactions/:reaction',
      {
        schema: {
          tags,
          summary: 'React to a post (one of each reaction per member)',
          params: reactionParamsSchema,
          response: withErrors({ 200: postResponseSchema }),
        },
      },
      async (request) => ({
        post: await reactToPost(ctx, await requireAuth(ctx, request), request.params.id, request.params.reaction),
      }),
    );
    app.delete(
      '/api/community/posts/:id/reactions/:reaction',
      {
        schema: {
          tags,
          summary: 'Take back my reaction',
          params: reactionParamsSchema,
          response: withErrors({ 200: postResponseSchema }),
        },
      },
      async (request) => ({
        post: await withdrawReaction(ctx, await requireAuth(ctx, request), request.params.id, request.params.reaction),
      }),
    );

    /* preferences and search */
    app.get(
      '/api/community/preferences',
      {
        schema: {
          tags,
          summary: 'How I want stories with content warnings shown',
          response: withErrors({ 200: communityPreferencesResponseSchema }),
        },
      },
      async (request) => ({ preferences: await getOwnPreferences(ctx, await requireAuth(ctx, request)) }),
    );
    app.put(
      '/api/community/preferences',
      {
        schema: {
          tags,
          summary: 'Save how I want stories with content warnings shown',
          body: communityPreferencesSchema,
          response: withErrors({ 200: communityPreferencesResponseSchema }),
        },
      },
      async (request) => ({
        preferences: await saveOwnPreferences(ctx, await requireAuth(ctx, request), request.body),
      }),
    );
    app.get(
      '/api/community/search',
      {
        schema: {
          tags,
          summary: 'Search titles and posts; results highlighted, newest or most relevant',
          querystring: searchQuerySchema,
          response: withErrors({ 200: searchResponseSchema }),
        },
      },
      async (request) => searchCommunity(ctx, await requireAuth(ctx, request), request.query),
    );

    /* resource articles */
    app.get(
      '/api/resources/articles',
      {
        schema: {
          tags: ['resources'],
          summary: 'Resource articles',
          response: withErrors({ 200: articleListResponseSchema }),
        },
      },
      async () => listArticles(ctx),
    );
    app.get(
      '/api/resources/articles/:slug',
      {
        schema: {
          tags: ['resources'],
          summary: 'A resource article; its comments are the posts of discussionTopicId',
          params: articleParamsSchema,
          response: withErrors({ 200: articleResponseSchema }),
        },
      },
      async (request) => ({ article: await getArticle(ctx, request.params.slug) }),
    );
  };
}
