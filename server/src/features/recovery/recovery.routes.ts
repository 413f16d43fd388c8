import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checkInDayParamsSchema,
  checkInInputSchema,
  checkInListResponseSchema,
  checkInRangeQuerySchema,
  checkInResponseSchema,
  checkInSummaryQuerySchema,
  checkInSummarySchema,
  congratulationInputSchema,
  counterInputSchema,
  counterListResponseSchema,
  counterResetInputSchema,
  counterResponseSchema,
  counterUpdateSchema,
  journalEntryInputSchema,
  journalEntryResponseSchema,
  journalEntryUpdateSchema,
  journalListQuerySchema,
  journalListResponseSchema,
  milestoneFeedQuerySchema,
  milestoneFeedResponseSchema,
  recoveryIdParamsSchema,
  recoveryPlanInputSchema,
  recoveryPlanResponseSchema,
  shareMilestoneInputSchema,
  shareMilestoneParamsSchema,
  sharedMilestoneResponseSchema,
  todayCheckInResponseSchema,
} from '@kindred/common/recovery';
import type { ServiceContext } from '../../platform/context.ts';
import { noContent, withErrors } from '../../platform/http.ts';
import { requireAuth } from '../accounts/accounts.sessions.ts';
import {
  congratulateMilestone,
  createCounter,
  createJournalEntry,
  deleteOwnCounter,
  deleteOwnJournalEntry,
  getCounter,
  getJournalEntry,
  getOwnPlan,
  getTodayCheckIn,
  listMilestoneFeed,
  listOwnCheckIns,
  listOwnCounters,
  listOwnJournal,
  restartCounter,
  saveOwnPlan,
  saveTodayCheckIn,
  shareMilestone,
  summarizeOwnCheckIns,
  unshareMilestone,
  updateOwnCounter,
  updateOwnJournalEntry,
  withdrawCongratulation,
} from './recovery.service.ts';

/** My recovery: the member's own counters, check-ins, plan and journal; and shared milestones. */
export function recoveryRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    /* counters */
    app.get(
      '/api/recovery/counters',
      {
        schema: {
          tags: ['recovery'],
          summary: 'My recovery counters, as of now in my time zone',
          response: withErrors({ 200: counterListResponseSchema }),
        },
      },
      async (request) => listOwnCounters(ctx, await requireAuth(ctx, request)),
    );

    app.post(
      '/api/recovery/counters',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Start a counter (today or earlier)',
          body: counterInputSchema,
          response: withErrors({ 201: counterResponseSchema }),
        },
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        reply.code(201);
        return { counter: await createCounter(ctx, auth, request.body) };
      },
    );

    app.get(
      '/api/recovery/counters/:id',
      {
        schema: {
          tags: ['recovery'],
          summary: 'One counter with its milestones and earlier starts',
          params: recoveryIdParamsSchema,
          response: withErrors({ 200: counterResponseSchema }),
        },
      },
      async (request) => ({ counter: await getCounter(ctx, await requireAuth(ctx, request), request.params.id) }),
    );

    app.patch(
      '/api/recovery/counters/:id',
      {
        schema: {
          tags: ['recovery'],
          summary: "Correct a counter's name or start (a slip is a restart, which keeps history)",
          params: recoveryIdParamsSchema,
          body: counterUpdateSchema,
          response: withErrors({ 200: counterResponseSchema }),
        },
      },
      async (request) => ({
        counter: await updateOwnCounter(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );

    app.delete(
      '/api/recovery/counters/:id',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Delete a counter, its history and the milestones shared from it',
          params: recoveryIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await deleteOwnCounter(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/recovery/counters/:id/reset',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Start again after a slip; the earlier days stay in the history and the total',
          params: recoveryIdParamsSchema,
          body: counterResetInputSchema,
          response: withErrors({ 200: counterResponseSchema }),
        },
      },
      async (request) => ({
        counter: await restartCounter(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );

    app.post(
      '/api/recovery/counters/:id/milestones/:key/share',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Share a reached milestone with the community (handle, milestone and note only)',
          params: shareMilestoneParamsSchema,
          body: shareMilestoneInputSchema,
          response: withErrors({ 201: sharedMilestoneResponseSchema }),
        },
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        const { id, key } = request.params;
        const milestone = await shareMilestone(ctx, auth, id, key, request.body.note ?? null);
        reply.code(201);
        return { milestone };
      },
    );

    /* check-ins */
    app.get(
      '/api/recovery/check-ins/today',
      {
        schema: {
          tags: ['recovery'],
          summary: "Today in my time zone, and today's check-in if there is one",
          response: withErrors({ 200: todayCheckInResponseSchema }),
        },
      },
      async (request) => getTodayCheckIn(ctx, await requireAuth(ctx, request)),
    );

    app.get(
      '/api/recovery/check-ins/summary',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Check-in streaks, mood and craving over 30 or 90 days, and trigger counts',
          querystring: checkInSummaryQuerySchema,
          response: withErrors({ 200: checkInSummarySchema }),
        },
      },
      async (request) => summarizeOwnCheckIns(ctx, await requireAuth(ctx, request), request.query.days),
    );

    app.get(
      '/api/recovery/check-ins',
      {
        schema: {
          tags: ['recovery'],
          summary: 'My check-ins between two days (at most 366 days), oldest first',
          querystring: checkInRangeQuerySchema,
          response: withErrors({ 200: checkInListResponseSchema }),
        },
      },
      async (request) => ({ checkIns: await listOwnCheckIns(ctx, await requireAuth(ctx, request), request.query) }),
    );

    app.put(
      '/api/recovery/check-ins/:day',
      {
        schema: {
          tags: ['recovery'],
          summary: "Save today's check-in; the fields left out keep their values",
          params: checkInDayParamsSchema,
          body: checkInInputSchema,
          response: withErrors({ 200: checkInResponseSchema }),
        },
      },
      async (request) => ({
        checkIn: await saveTodayCheckIn(ctx, await requireAuth(ctx, request), request.params.day, request.body),
      }),
    );

    /* plan */
    app.get(
      '/api/recovery/plan',
      {
        schema: {
          tags: ['recovery'],
          summary: 'My recovery plan',
          response: withErrors({ 200: recoveryPlanResponseSchema }),
        },
      },
      async (request) => ({ plan: await getOwnPlan(ctx, await requireAuth(ctx, request)) }),
    );

    app.put(
      '/api/recovery/plan',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Replace my whole recovery plan',
          body: recoveryPlanInputSchema,
          response: withErrors({ 200: recoveryPlanResponseSchema }),
        },
      },
      async (request) => ({ plan: await saveOwnPlan(ctx, await requireAuth(ctx, request), request.body) }),
    );

    /* journal */
    app.get(
      '/api/recovery/journal',
      {
        schema: {
          tags: ['recovery'],
          summary: 'My journal, newest first, optionally only entries matching words',
          querystring: journalListQuerySchema,
          response: withErrors({ 200: journalListResponseSchema }),
        },
      },
      async (request) => listOwnJournal(ctx, await requireAuth(ctx, request), request.query),
    );

    app.post(
      '/api/recovery/journal',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Write a journal entry',
          body: journalEntryInputSchema,
          response: withErrors({ 201: journalEntryResponseSchema }),
        },
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        reply.code(201);
        return { entry: await createJournalEntry(ctx, auth, request.body) };
      },
    );

    app.get(
      '/api/recovery/journal/:id',
      {
        schema: {
          tags: ['recovery'],
          summary: 'One journal entry',
          params: recoveryIdParamsSchema,
          response: withErrors({ 200: journalEntryResponseSchema }),
        },
      },
      async (request) => ({ entry: await getJournalEntry(ctx, await requireAuth(ctx, request), request.params.id) }),
    );

    app.patch(
      '/api/recovery/journal/:id',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Change a journal entry',
          params: recoveryIdParamsSchema,
          body: journalEntryUpdateSchema,
          response: withErrors({ 200: journalEntryResponseSchema }),
        },
      },
      async (request) => ({
        entry: await updateOwnJournalEntry(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );

    app.delete(
      '/api/recovery/journal/:id',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Delete a journal entry',
          params: recoveryIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await deleteOwnJournalEntry(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    /* shared milestones */
    app.get(
      '/api/milestones',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Milestones members shared with the community, newest first (never a date)',
          querystring: milestoneFeedQuerySchema,
          response: withErrors({ 200: milestoneFeedResponseSchema }),
        },
      },
      async (request) => listMilestoneFeed(ctx, await requireAuth(ctx, request), request.query.cursor),
    );

    app.delete(
      '/api/milestones/:id',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Take a milestone I shared off the feed',
          params: recoveryIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await unshareMilestone(ctx, await requireAuth(ctx, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/milestones/:id/congratulation',
      {
        schema: {
          tags: ['milestones'],
          summary: "Congratulate someone's milestone with a reaction, a short note, or both",
          params: recoveryIdParamsSchema,
          body: congratulationInputSchema,
          response: withErrors({ 200: sharedMilestoneResponseSchema }),
        },
      },
      async (request) => ({
        milestone: await congratulateMilestone(ctx, await requireAuth(ctx, request), request.params.id, request.body),
      }),
    );

    app.delete(
      '/api/milestones/:id/congratulation',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Take back my congratulation',
          params: recoveryIdParamsSchema,
          response: withErrors({ 200: sharedMilestoneResponseSchema }),
        },
      },
      async (request) => ({
        milestone: await withdrawCongratulation(ctx, await requireAuth(ctx, request), request.params.id),
      }),
    );
  };
}
