import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema, readinessSchema } from '@kindred/common/health';
import { errorBody } from '../../platform/error-handler.ts';
import { withErrors } from '../../platform/http.ts';

/** Liveness (the process answers) and readiness (the database answers). */
export function healthRoutes(ping: () => Promise<boolean>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: { tags: ['health'], summary: 'Liveness: 200 while the process lives', response: { 200: healthSchema } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/api/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: 200 only when the database answers',
          response: withErrors({ 200: readinessSchema }),
        },
      },
      async (_request, reply) => {
        if (await ping()) return { status: 'ready' as const };
        return reply.status(503).send(errorBody('unavailable', 'The database is not answering.'));
      },
    );
  };
}
