import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { helpResourcesSchema, type HelpResources } from '@kindred/common/safety';
import { postResponseSchema, topicDetailSchema, communityIdParamsSchema } from '@kindred/common/community';
import {
  blockListResponseSchema,
  moderationItemSchema,
  moderationLogResponseSchema,
  moderationQueueQuerySchema,
  moderationQueueResponseSchema,
  moderationReasonInputSchema,
  reportCreatedResponseSchema,
  reportInputSchema,
  resolveItemInputSchema,
  suspendMemberInputSchema,
  topicModerationInputSchema,
  warnMemberInputSchema,
} from '@kindred/common/moderation';
import { handleParamsSchema } from '@kindred/common/profiles';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import { noContent, withErrors } from '../../platform/http.ts';
import { findAuth, requireAuth } from '../accounts/accounts.sessions.ts';
import { blockMember, listOwnBlocks, unblockMember } from './safety.blocks.ts';
import {
  hidePost,
  listModerationLog,
  listModerationQueue,
  moderateTopic,
  reportContent,
  resolveModerationItem,
  suspendMember,
  unhidePost,
  unsuspendMember,
  warnMember,
} from './safety.moderation.ts';
import { findOwnSupportContacts } from '../recovery/recovery.service.ts';
import { helpPageCss, renderHelpPage, type PersonalHelp } from './help.page.ts';

/**
 * /help (plain HTML, no script) and the same resources as JSON for the app. A signed-in member
 * also sees the people from their recovery plan; if that lookup fails, the page is served anyway.
 */
export function safetyRoutes(ctx: ServiceContext, help: HelpResources): FastifyPluginAsyncZod {
  const publicHelpPage = renderHelpPage(help);
  return async (app) => {
    app.get('/help', { schema: { hide: true } }, async (request, reply) => {
      let personal: PersonalHelp | null = null;
      try {
        const auth = await findAuth(ctx, request);
        if (auth) personal = { peopleToCall: await findOwnSupportContacts(ctx, auth.user.id) };
      } catch (error) {
        request.log.error({ err: error }, 'help page: personal section unavailable');
      }
      reply.type('text/html; charset=utf-8').header('vary', 'cookie');
      if (!personal) return reply.header('cache-control', 'public, max-age=300').send(publicHelpPage);
      return reply.header('cache-control', 'private, no-store').send(renderHelpPage(help, personal));
    });
    app.get('/help.css', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(helpPageCss),
    );
    app.get(
      '/api/help',
      {
        schema: {
          tags: ['safety'],
          summary: 'Crisis lines and help resources of this deployment',
          response: { 200: helpResourcesSchema },
        },
      },
      async () => help,
    );

    /* reports and blocks */
    app.post(
      '/api/safety/reports',
      {
        schema: {
          tags: ['safety'],
          summary: 'Report a post or a profile to the moderators',
          body: reportInputSchema,
          response: withErrors({ 201: reportCreatedResponseSchema }),
        },
      },
      async (request, reply) =>
        reply.status(201).send({ report: await reportContent(ctx, await requireAuth(ctx, request), request.body) }),
    );
    app.get(
      '/api/safety/blocks',
      {
        schema: {
          tags: ['safety'],
          summary: 'Members I blocked',
          response: withErrors({ 200: blockListResponseSchema }),
        },
      },
      async (request) => listOwnBlocks(ctx, await requireAuth(ctx, request)),
    );
    app.put(
      '/api/safety/blocks/:handle',
      {
        schema: {
          tags: ['safety'],
          summary: 'Block a member (they are not told)',
          params: handleParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await blockMember(ctx, await requireAuth(ctx, request), request.params.handle);
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/api/safety/blocks/:handle',
      {
        schema: {
          tags: ['safety'],
          summary: 'Unblock a member',
          params: handleParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await unblockMember(ctx, await requireAuth(ctx, request), request.params.handle);
        return reply.status(204).send(null);
      },
    );

    /* moderation: moderators and admins; 404 to everyone else */
    const moderation = ['moderation'];
    app.get(
      '/api/moderation/queue',
      {
        schema: {
          tags: moderation,
          summary: 'The moderation queue: priority (crisis) items first',
          querystring: moderationQueueQuerySchema,
          response: withErrors({ 200: moderationQueueResponseSchema }),
        },
      },
      async (request) => listModerationQueue(ctx, await requireAuth(ctx, request), request.query),
    );
    app.post(
      '/api/moderation/items/:id/resolve',
      {
        schema: {
          tags: moderation,
          summary: 'Close a queue item with what was done',
          params: communityIdParamsSchema,
          body: resolveItemInputSchema,
          response: withErrors({ 200: z.object({ item: moderationItemSchema }) }),
        },
      },
      async (request) => ({
        item: await resolveModerationItem(
          ctx,
          await requireAuth(ctx, request),
          request.params.id,
          request.body.resolution,
        ),
      }),
    );
    app.post(
      '/api/moderation/posts/:id/hide',
      {
        schema: {
          tags: moderation,
          summary: 'Hide a post from members, with a reason',
          params: communityIdParamsSchema,
          body: moderationReasonInputSchema,
          response: withErrors({ 200: postResponseSchema }),
        },
      },
      async (request) => ({
        post: await hidePost(ctx, await requireAuth(ctx, request), request.params.id, request.body.reason),
      }),
    );
    app.post(
      '/api/moderation/posts/:id/unhide',
      {
        schema: {
          tags: moderation,
          summary: 'Show a hidden post again, with a reason',
          params: communityIdParamsSchema,
          body: moderationReasonInputSchema,
          response: withErrors({ 200: postResponseSchema }),
        },
      },
      async (request) => ({
        post: await unhidePost(ctx, await requireAuth(ctx, request), request.params.id, request.body.reason),
      }),
    );
    app.patch(
      '/api/moderation/topics/:id',
      {
        schema: {
          tags: moderation,
          summary: 'Lock, pin, hide or move a topic, with a reason',
          params: communityIdParamsSchema,
          body: topicModerationInputSchema,
          response: withErrors({ 200: z.object({ topic: topicDetailSchema }) }),
        },
      },
      async (request) => ({
        topic: await moderateTopic(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );
    app.post(
      '/api/moderation/members/:handle/warn',
      {
        schema: {
          tags: moderation,
          summary: 'Send a member a warning only they see',
          params: handleParamsSchema,
          body: warnMemberInputSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await warnMember(ctx, await requireAuth(ctx, request), request.params.handle, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/moderation/members/:handle/suspend',
      {
        schema: {
          tags: moderation,
          summary: 'Suspend a member for some days: signed out everywhere at once',
          params: handleParamsSchema,
          body: suspendMemberInputSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await suspendMember(ctx, await requireAuth(ctx, request), request.params.handle, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/moderation/members/:handle/unsuspend',
      {
        schema: {
          tags: moderation,
          summary: 'End a suspension early',
          params: handleParamsSchema,
          body: moderationReasonInputSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await unsuspendMember(ctx, await requireAuth(ctx, request), request.params.handle, request.body.reason);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/moderation/log',
      {
        schema: {
          tags: moderation,
          summary: "Every moderator's act, newest first",
          response: withErrors({ 200: moderationLogResponseSchema }),
        },
      },
      async (request) => listModerationLog(ctx, await requireAuth(ctx, request)),
    );
  };
}
