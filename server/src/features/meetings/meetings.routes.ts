import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceInputSchema,
  changeRequestIdParamsSchema,
  changeRequestInputSchema,
  changeRequestListResponseSchema,
  handMeetingInputSchema,
  handMeetingListResponseSchema,
  handMeetingResponseSchema,
  meetingTypeSchema,
  attendanceProgressResponseSchema,
  calendarLinkResponseSchema,
  calendarTokenParamsSchema,
  favoriteMeetingsResponseSchema,
  finderChoicesSchema,
  finderSettingsSchema,
  MAX_UPLOAD_BYTES,
  meetingImportInputSchema,
  meetingImportResponseSchema,
  meetingSourceIdParamsSchema,
  meetingSourceInputSchema,
  meetingSourceListResponseSchema,
  meetingSourceResponseSchema,
  meetingSourceUpdateSchema,
  meetingDetailResponseSchema,
  meetingSearchQuerySchema,
  meetingSearchResponseSchema,
  meetingSlugParamsSchema,
  placeSearchQuerySchema,
  placeSearchResponseSchema,
} from '@kindred/common/meetings';
import type { ServiceContext } from '../../platform/context.ts';
import { noContent, withErrors } from '../../platform/http.ts';
import { rateLimitBy } from '../../platform/rate-limits.ts';
import { findAuth, requireAuth } from '../accounts/accounts.sessions.ts';
import {
  createHandMeeting,
  getHandMeeting,
  listChangeRequests,
  listHandMeetings,
  removeHandMeeting,
  requestMeetingChange,
  resolveMeetingChangeRequest,
  updateHandMeeting,
} from './meetings.editing.ts';
import { listMeetingTypes } from './meetings.types.ts';
import {
  createSource,
  importSourceNow,
  listSources,
  removeSource,
  updateSourceSettings,
  exportMeetingGuideFeed,
  favoriteMeeting,
  favoritesCalendar,
  calendarByLink,
  createCalendarLink,
  getCalendarLink,
  removeCalendarLink,
  findMeetings,
  getAttendanceProgress,
  getFinderChoices,
  getFinderSettings,
  getMeeting,
  listFavoriteMeetings,
  meetingCalendar,
  recordAttendance,
  searchPlaces,
  unfavoriteMeeting,
} from './meetings.service.ts';

const calendarType = 'text/calendar; charset=utf-8';

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
          summary: 'Every active weekly meeting as a Meeting Guide feed (code4recovery/spec), with an ETag',
        },
      },
      async (request, reply) => {
        const feed = await exportMeetingGuideFeed(ctx);
        reply.header('cache-control', 'public, max-age=300').header('etag', feed.etag);
        if (request.headers['if-none-match'] === feed.etag) return reply.status(304).send(null);
        // Already JSON text: sent as it is (the presenter lists its fields; see presentFeedMeeting).
        return reply.type('application/json; charset=utf-8').send(feed.json);
      },
    );

    app.get(
      '/api/meetings/settings',
      {
        schema: {
          tags: ['meetings'],
          summary: "The finder's map tiles and attributions",
          response: withErrors({ 200: finderSettingsSchema }),
        },
      },
      async () => getFinderSettings(ctx),
    );

    app.get(
      '/api/meetings/choices',
      {
        schema: {
          tags: ['meetings'],
          summary: 'The fellowships, regions and languages the meetings here have (for the finder’s lists)',
          response: withErrors({ 200: finderChoicesSchema }),
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return getFinderChoices(ctx);
      },
    );

    app.get(
      '/api/meetings/types',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Every meeting type (the Meeting Guide reserved codes) with its name',
          response: withErrors({ 200: z.object({ types: z.array(meetingTypeSchema) }) }),
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return { types: listMeetingTypes('en') };
      },
    );

    app.get(
      '/api/places',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Places (cities, US ZIP codes) matching what a person typed, best first',
          querystring: placeSearchQuerySchema,
          response: withErrors({ 200: placeSearchResponseSchema }),
        },
      },
      async (request) => ({ places: await searchPlaces(ctx, request.query.q) }),
    );

    app.get(
      '/api/meetings/:slug',
      {
        schema: {
          tags: ['meetings'],
          summary: 'One meeting (with favorite and attendance for a signed-in member)',
          params: meetingSlugParamsSchema,
          response: withErrors({ 200: meetingDetailResponseSchema }),
        },
      },
      async (request) => ({
        meeting: await getMeeting(ctx, request.params.slug, await findAuth(ctx, request)),
      }),
    );

    app.get(
      '/api/meetings/:slug/calendar.ics',
      {
        schema: {
          tags: ['meetings'],
          summary: 'The meeting as a weekly calendar event',
          params: meetingSlugParamsSchema,
        },
      },
      async (request, reply) => {
        const text = await meetingCalendar(ctx, request.params.slug);
        return reply
          .type(calendarType)
          .header('content-disposition', `attachment; filename="${request.params.slug.slice(0, 80)}.ics"`)
          .send(text);
      },
    );

    app.post(
      '/api/meetings/:slug/change-requests',
      {
        schema: {
          tags: ['meetings'],
          summary: "Ask this site's editors to change a meeting (one without a feedback address of its own)",
          params: meetingSlugParamsSchema,
          body: changeRequestInputSchema,
          response: withErrors({ 204: noContent }),
        },
        onRequest: rateLimitBy(
          { name: 'meeting-change-request-ip', max: 10, windowSeconds: 3600, key: (request) => request.ip },
          ctx.redis,
        ),
      },
      async (request, reply) => {
        await requestMeetingChange(ctx, await findAuth(ctx, request), request.params.slug, request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/meetings/:slug/favorite',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Keep a meeting among my favorites',
          params: meetingSlugParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await favoriteMeeting(ctx, await requireAuth(ctx, request), request.params.slug);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/meetings/:slug/favorite',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Take a meeting off my favorites',
          params: meetingSlugParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await unfavoriteMeeting(ctx, await requireAuth(ctx, request), request.params.slug);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/meetings/:slug/attendance',
      {
        schema: {
          tags: ['meetings'],
          summary: '"I went": count this meeting today (or on a day gone by)',
          params: meetingSlugParamsSchema,
          body: attendanceInputSchema,
          response: withErrors({ 201: attendanceProgressResponseSchema }),
        },
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        const progress = await recordAttendance(ctx, auth, request.params.slug, request.body.day);
        reply.code(201);
        return { progress };
      },
    );

    app.get(
      '/api/me/meetings/favorites',
      {
        schema: {
          tags: ['meetings'],
          summary: 'My favorite meetings',
          response: withErrors({ 200: favoriteMeetingsResponseSchema }),
        },
      },
      async (request) => ({ meetings: await listFavoriteMeetings(ctx, await requireAuth(ctx, request)) }),
    );

    app.get(
      '/api/me/meetings/favorites.ics',
      { schema: { tags: ['meetings'], summary: 'My favorite meetings as one calendar' } },
      async (request, reply) => {
        const text = await favoritesCalendar(ctx, await requireAuth(ctx, request));
        return reply.type(calendarType).header('cache-control', 'private, no-store').send(text);
      },
    );

    app.get(
      '/api/me/meetings/calendar-link',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Whether I have a private calendar link for my favorites (its address is shown only when made)',
          response: withErrors({ 200: calendarLinkResponseSchema }),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return getCalendarLink(ctx, await requireAuth(ctx, request));
      },
    );

    app.post(
      '/api/me/meetings/calendar-link',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Make or replace my private calendar link (the old one stops working)',
          response: withErrors({ 201: calendarLinkResponseSchema }),
        },
      },
      async (request, reply) => {
        const link = await createCalendarLink(ctx, await requireAuth(ctx, request));
        reply.code(201).header('cache-control', 'private, no-store');
        return link;
      },
    );

    app.delete(
      '/api/me/meetings/calendar-link',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Turn my private calendar link off',
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await removeCalendarLink(ctx, await requireAuth(ctx, request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/meetings/calendars/:token',
      {
        schema: {
          tags: ['meetings'],
          summary: "A member's favorites, for calendar apps subscribed to their private link",
          params: calendarTokenParamsSchema,
        },
      },
      async (request, reply) => {
        const text = await calendarByLink(ctx, request.params.token);
        return reply.type(calendarType).header('cache-control', 'private, no-store').send(text);
      },
    );

    app.get(
      '/api/me/meetings/attendance',
      {
        schema: {
          tags: ['meetings'],
          summary: 'My meetings in the last 90 days ("90 in 90") and lately',
          response: withErrors({ 200: attendanceProgressResponseSchema }),
        },
      },
      async (request) => ({ progress: await getAttendanceProgress(ctx, await requireAuth(ctx, request)) }),
    );

    /* meetings entered by hand, and change requests: meeting editors and admins */
    app.get(
      '/api/admin/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Meetings entered by hand on this site (meeting editors)',
          response: withErrors({ 200: handMeetingListResponseSchema }),
        },
      },
      async (request) => ({ meetings: await listHandMeetings(ctx, await requireAuth(ctx, request)) }),
    );

    app.post(
      '/api/admin/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Enter a meeting by hand, weekly or on some weeks of the month (meeting editors)',
          body: handMeetingInputSchema,
          response: withErrors({ 201: handMeetingResponseSchema }),
        },
      },
      async (request, reply) => {
        const meeting = await createHandMeeting(ctx, await requireAuth(ctx, request), request.body);
        reply.code(201);
        return { meeting };
      },
    );

    app.get(
      '/api/admin/meetings/:slug',
      {
        schema: {
          tags: ['meetings'],
          summary: 'A meeting entered by hand, to edit (meeting editors)',
          params: meetingSlugParamsSchema,
          response: withErrors({ 200: handMeetingResponseSchema }),
        },
      },
      async (request) => ({
        meeting: await getHandMeeting(ctx, await requireAuth(ctx, request), request.params.slug),
      }),
    );

    app.put(
      '/api/admin/meetings/:slug',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Change a meeting entered by hand (meeting editors)',
          params: meetingSlugParamsSchema,
          body: handMeetingInputSchema,
          response: withErrors({ 200: handMeetingResponseSchema }),
        },
      },
      async (request) => ({
        meeting: await updateHandMeeting(ctx, await requireAuth(ctx, request), request.params.slug, request.body),
      }),
    );

    app.delete(
      '/api/admin/meetings/:slug',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Remove a meeting entered by hand (meeting editors)',
          params: meetingSlugParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await removeHandMeeting(ctx, await requireAuth(ctx, request), request.params.slug);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/admin/meeting-change-requests',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Requests to change meetings, newest first (meeting editors)',
          querystring: z.object({ status: z.enum(['open', 'resolved']).default('open') }),
          response: withErrors({ 200: changeRequestListResponseSchema }),
        },
      },
      async (request) => ({
        requests: await listChangeRequests(ctx, await requireAuth(ctx, request), request.query.status),
      }),
    );

    app.post(
      '/api/admin/meeting-change-requests/:id/resolve',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Mark a change request done (meeting editors)',
          params: changeRequestIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await resolveMeetingChangeRequest(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    /* sources: meeting editors and admins */
    app.get(
      '/api/admin/meeting-sources',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Meeting sources with their last import (meeting editors)',
          response: withErrors({ 200: meetingSourceListResponseSchema }),
        },
      },
      async (request) => ({ sources: await listSources(ctx, await requireAuth(ctx, request)) }),
    );

    app.post(
      '/api/admin/meeting-sources',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Add a meeting source (meeting editors)',
          body: meetingSourceInputSchema,
          response: withErrors({ 201: meetingSourceResponseSchema }),
        },
      },
      async (request, reply) => {
        const source = await createSource(ctx, await requireAuth(ctx, request), request.body);
        reply.code(201);
        return { source };
      },
    );

    app.patch(
      '/api/admin/meeting-sources/:id',
      {
        schema: {
          tags: ['meetings'],
          summary: "Change a source's settings (meeting editors)",
          params: meetingSourceIdParamsSchema,
          body: meetingSourceUpdateSchema,
          response: withErrors({ 200: meetingSourceResponseSchema }),
        },
      },
      async (request) => ({
        source: await updateSourceSettings(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );

    app.post(
      '/api/admin/meeting-sources/:id/import',
      {
        bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
        schema: {
          tags: ['meetings'],
          summary: 'Import now: an uploaded file, or the source’s web address (meeting editors)',
          params: meetingSourceIdParamsSchema,
          body: meetingImportInputSchema,
          response: withErrors({ 200: meetingImportResponseSchema }),
        },
      },
      async (request) => importSourceNow(ctx, await requireAuth(ctx, request), request.params.id, request.body.text),
    );

    app.delete(
      '/api/admin/meeting-sources/:id',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Remove a source and its meetings (meeting editors)',
          params: meetingSourceIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await removeSource(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
