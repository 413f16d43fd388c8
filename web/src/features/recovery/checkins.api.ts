/** The daily check-ins API as queries and mutations. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckIn, CheckInInput, CheckInSummary, TodayCheckIn } from '@kindred/common/recovery';
import { api } from '../../lib/api.ts';

export const checkInsQueryKey = ['recovery', 'check-ins'] as const;
export const todayCheckInQueryKey = [...checkInsQueryKey, 'today'] as const;
const checkInRangeQueryKey = (from: string, to: string) => [...checkInsQueryKey, 'range', from, to] as const;
const checkInSummaryQueryKey = (days: number) => [...checkInsQueryKey, 'summary', days] as const;

/** Today (in the member's time zone) and today's check-in, if there is one. */
export function useTodayCheckIn() {
  return useQuery({
    queryKey: todayCheckInQueryKey,
    queryFn: () => api.get<TodayCheckIn>('/api/recovery/check-ins/today'),
  });
}

/** Saves the check-in of a day (only today's can be written). */
export function useSaveCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ day, input }: { day: string; input: CheckInInput }) =>
      (await api.put<{ checkIn: CheckIn }>(`/api/recovery/check-ins/${encodeURIComponent(day)}`, input)).checkIn,
    onSuccess: (checkIn) => {
      queryClient.setQueryData<TodayCheckIn>(todayCheckInQueryKey, { today: checkIn.day, checkIn });
      // Streaks, the calendar and the charts all change with it.
      void queryClient.invalidateQueries({
        queryKey: checkInsQueryKey,
        predicate: (query) => query.queryKey[2] !== 'today',
      });
    },
  });
}

/** The check-ins between two days, oldest first. */
export function useCheckInRange(from: string, to: string) {
  return useQuery({
    queryKey: checkInRangeQueryKey(from, to),
    queryFn: async () =>
      (
        await api.get<{ checkIns: CheckIn[] }>(
          `/api/recovery/check-ins?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        )
      ).checkIns,
  });
}

/** Streaks, averages, a day-by-day series and trigger counts over the last 30 or 90 days. */
export function useCheckInSummary(days: 30 | 90) {
  return useQuery({
    queryKey: checkInSummaryQueryKey(days),
    queryFn: () => api.get<CheckInSummary>(`/api/recovery/check-ins/summary?days=${days}`),
    // Switching between 30 and 90 days keeps the last answer on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}
