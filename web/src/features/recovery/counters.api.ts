/** Recovery counters and their milestones as queries and mutations. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Counter,
  CounterInput,
  CounterList,
  CounterResetInput,
  CounterUpdate,
  SharedMilestone,
  ShareMilestoneInput,
} from '@kindred/common/recovery';
import { api } from '../../lib/api.ts';
import { milestoneFeedQueryKey } from './milestones.api.ts';

export const countersQueryKey = ['recovery', 'counters'] as const;
export const counterQueryKey = (id: string) => ['recovery', 'counters', id] as const;

const counterPath = (id: string) => `/api/recovery/counters/${encodeURIComponent(id)}`;

/** After any change to a counter: keep its own query fresh and refetch the list (and home) around it. */
function rememberCounter(queryClient: QueryClient, counter: Counter): void {
  queryClient.setQueryData(counterQueryKey(counter.id), counter);
  void queryClient.invalidateQueries({ queryKey: countersQueryKey, exact: true });
}

/** The member's counters, with their today and time zone. */
export function useCounters() {
  return useQuery({
    queryKey: countersQueryKey,
    queryFn: () => api.get<CounterList>('/api/recovery/counters'),
  });
}

export function useCounter(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: counterQueryKey(id),
    queryFn: async () => (await api.get<{ counter: Counter }>(counterPath(id))).counter,
    // Coming from the list, show what it already knows while the counter itself loads.
    placeholderData: () => queryClient.getQueryData<CounterList>(countersQueryKey)?.counters.find((c) => c.id === id),
  });
}

export function useCreateCounter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CounterInput) =>
      (await api.post<{ counter: Counter }>('/api/recovery/counters', input)).counter,
    onSuccess: (counter) => rememberCounter(queryClient, counter),
  });
}

export function useUpdateCounter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: CounterUpdate) =>
      (await api.patch<{ counter: Counter }>(counterPath(id), changes)).counter,
    onSuccess: (counter) => rememberCounter(queryClient, counter),
  });
}

export function useDeleteCounter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(counterPath(id)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: counterQueryKey(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: countersQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: milestoneFeedQueryKey });
    },
  });
}

/** A slip: the current streak is kept among the earlier ones and the counter starts again. */
export function useResetCounter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CounterResetInput) =>
      (await api.post<{ counter: Counter }>(`${counterPath(id)}/reset`, input)).counter,
    onSuccess: (counter) => rememberCounter(queryClient, counter),
  });
}

export function useShareMilestone(counterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ key, input }: { key: string; input: ShareMilestoneInput }) =>
      (
        await api.post<{ milestone: SharedMilestone }>(
          `${counterPath(counterId)}/milestones/${encodeURIComponent(key)}/share`,
          input,
        )
      ).milestone,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: counterQueryKey(counterId), exact: true });
      void queryClient.invalidateQueries({ queryKey: countersQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: milestoneFeedQueryKey });
    },
  });
}
