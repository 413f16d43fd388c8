import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  handleParamsSchema,
  memberProfileResponseSchema,
  ownProfileResponseSchema,
  profileUpdateInputSchema,
} from '@kindred/common/profiles';
import type { ServiceContext } from '../../platform/context.ts';
import { withErrors } from '../../platform/http.ts';
import { requireAuth } from '../accounts/accounts.sessions.ts';
import { getMemberProfile, getOwnProfile, updateOwnProfile } from './profiles.service.ts';

export function profilesRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/profile',
      {
        schema: {
          tags: ['profiles'],
          summary: "The member's own profile",
          response: withErrors({ 200: ownProfileResponseSchema }),
        },
      },
      async (request) => {
        const auth = await requireAuth(ctx, request);
        return { profile: await getOwnProfile(ctx, auth) };
      },
    );

    app.patch(
      '/api/me/profile',
      {
        schema: {
          tags: ['profiles'],
          summary: "Change any of the profile's fields, the handle included",
          body: profileUpdateInputSchema,
          response: withErrors({ 200: ownProfileResponseSchema }),
        },
      },
      async (request) => {
        const auth = await requireAuth(ctx, request);
        return { profile: await updateOwnProfile(ctx, auth, request.body) };
      },
    );

    app.get(
      '/api/profiles/:handle',
      {
        schema: {
          tags: ['profiles'],
          summary: "Another member's profile, as they share it with members",
          params: handleParamsSchema,
          response: withErrors({ 200: memberProfileResponseSchema }),
        },
      },
      async (request) => {
        const auth = await requireAuth(ctx, request);
        return { profile: await getMemberProfile(ctx, auth, request.params.handle) };
      },
    );
  };
}
