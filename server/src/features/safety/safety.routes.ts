import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { helpResourcesSchema, type HelpResources } from '@kindred/common/safety';
import { helpPageCss, renderHelpPage } from './help.page.ts';

/** /help (plain HTML, no script) and the same resources as JSON for the app. */
export function safetyRoutes(help: HelpResources): FastifyPluginAsyncZod {
  const helpPage = renderHelpPage(help);
  return async (app) => {
    app.get('/help', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(helpPage),
    );
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
