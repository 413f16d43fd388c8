import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { helpResourcesSchema, type HelpResources } from '@kindred/common/safety';
import type { ServiceContext } from '../../platform/context.ts';
import { findAuth } from '../accounts/accounts.sessions.ts';
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
  };
}
