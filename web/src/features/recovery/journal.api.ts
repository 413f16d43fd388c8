/** The private journal API as queries and mutations. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JournalEntry, JournalEntryInput, JournalEntryUpdate, JournalList } from '@kindred/common/recovery';
import { api } from '../../lib/api.ts';
import { deviceToday } from '../../lib/calendar-days.ts';
import { useTodayCheckIn } from './checkins.api.ts';

export const journalQueryKey = ['recovery', 'journal'] as const;
const journalListQueryKey = (search: string) => [...journalQueryKey, 'list', search] as const;
const journalEntryQueryKey = (id: string) => [...journalQueryKey, 'entry', id] as const;

/** Entries newest first, a page at a time; `search` (if not empty) is a full-text search. */
export function useJournalEntries(search: string) {
  return useInfiniteQuery({
    queryKey: journalListQueryKey(search),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (search !== '') params.set('q', search);
      if (pageParam) params.set('cursor', pageParam);
      const query = params.toString();
      return api.get<JournalList>(`/api/recovery/journal${query === '' ? '' : `?${query}`}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useJournalEntry(id: string) {
  return useQuery({
    queryKey: journalEntryQueryKey(id),
    queryFn: async () =>
      (await api.get<{ entry: JournalEntry }>(`/api/recovery/journal/${encodeURIComponent(id)}`)).entry,
  });
}

export function useCreateJournalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: JournalEntryInput) =>
      (await api.post<{ entry: JournalEntry }>('/api/recovery/journal', input)).entry,
    onSuccess: (entry) => {
      queryClient.setQueryData(journalEntryQueryKey(entry.id), entry);
      void queryClient.invalidateQueries({ queryKey: [...journalQueryKey, 'list'] });
    },
  });
}

export function useUpdateJournalEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: JournalEntryUpdate) =>
      (await api.patch<{ entry: JournalEntry }>(`/api/recovery/journal/${encodeURIComponent(id)}`, changes)).entry,
    onSuccess: (entry) => {
      queryClient.setQueryData(journalEntryQueryKey(entry.id), entry);
      void queryClient.invalidateQueries({ queryKey: [...journalQueryKey, 'list'] });
    },
  });
}

export function useDeleteJournalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/recovery/journal/${encodeURIComponent(id)}`),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: journalEntryQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...journalQueryKey, 'list'] });
    },
  });
}

/** Today in the member's time zone (the server's word), or this device's today until it answers. */
export function useJournalToday(): string {
  const today = useTodayCheckIn();
  return today.data?.today ?? deviceToday();
}
