import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  markNotificationsReadSchema,
  notificationListQuerySchema,
  notificationListResponseSchema,
  unreadCountResponseSchema,
} from '@kindred/common/notifications';
import type { ServiceContext } from '../../platform/context.ts';
import { withErrors } from '../../platform/http.ts';
import { requireAuth } from '../accounts/accounts.sessions.ts';
import {
  countOwnUnreadNotifications,
  listOwnNotifications,
  markOwnNotificationsRead,
} from './notifications.service.ts';

/** My notifications: the list, the bell's count, marking read. */
export function notificationsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'My notifications, newest first, with the unread count',
          querystring: notificationListQuerySchema,
          response: withErrors({ 200: notificationListResponseSchema }),
        },
      },
      async (request) => listOwnNotifications(ctx, await requireAuth(ctx, request), request.query.cursor),
    );
    app.get(
      '/api/notifications/unread-count',
      {
        schema: {
          tags: ['notifications'],
          summary: 'How many of my notifications are unread (the bell)',
          response: withErrors({ 200: unreadCountResponseSchema }),
        },
      },
      async (request) => ({ unreadCount: await countOwnUnreadNotifications(ctx, await requireAuth(ctx, request)) }),
    );
    app.post(
      '/api/notifications/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark these notifications read, or all of them',
          body: markNotificationsReadSchema,
          response: withErrors({ 200: unreadCountResponseSchema }),
        },
      },
      async (request) => ({
        unreadCount: await markOwnNotificationsRead(ctx, await requireAuth(ctx, request), request.body.ids),
      }),
    );
  };
}
