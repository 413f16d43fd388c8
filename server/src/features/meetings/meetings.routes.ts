import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meetingSearchQuerySchema, meetingSearchResponseSchema } from '@kindred/common/meetings';
import type { ServiceContext } from '../../platform/context.ts';
import { withErrors } from '../../platform/http.ts';
import { exportMeetingGuideFeed, findMeetings } from './meetings.service.ts';

/** The meeting finder and the published feed: public, no sign-in needed. */
export function meetingsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Find meetings: near a point, by day and time, now, by mode, type, fellowship, region or words',
          querystring: meetingSearchQuerySchema,
          response: withErrors({ 200: meetingSearchResponseSchema }),
        },
      },
      async (request) => findMeetings(ctx, request.query),
    );

    app.get(
      '/api/meetings/feed.json',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Every active meeting as a Meeting Guide feed (code4recovery/spec)',
          response: withErrors({ 200: z.array(z.record(z.string(), z.unknown())) }),
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return exportMeetingGuideFeed(ctx);
      },
    );
  };
}
