/** Milestones shared with the community: the feed, congratulations and unsharing. */
import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { CongratulationInput, MilestoneFeed, SharedMilestone } from '@kindred/common/recovery';
import { api } from '../../lib/api.ts';

export const milestoneFeedQueryKey = ['milestones'] as const;

const milestonePath = (id: string) => `/api/milestones/${encodeURIComponent(id)}`;

/** The community's shared milestones, newest first, a page at a time. */
export function useMilestoneFeed() {
  return useInfiniteQuery({
    queryKey: milestoneFeedQueryKey,
    queryFn: ({ pageParam }) =>
      api.get<MilestoneFeed>(
        pageParam === null ? '/api/milestones' : `/api/milestones?cursor=${encodeURIComponent(pageParam)}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

type FeedData = InfiniteData<MilestoneFeed, string | null>;

/** Puts the server's new version of one milestone into the feed (or takes it out when `updated` is null). */
function updateFeedItem(queryClient: QueryClient, id: string, updated: SharedMilestone | null): void {
  queryClient.setQueryData<FeedData>(milestoneFeedQueryKey, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            milestones: page.milestones.flatMap((milestone) =>
              milestone.id !== id ? [milestone] : updated ? [updated] : [],
            ),
          })),
        }
      : data,
  );
}

/** Congratulate (or change a congratulation on) another member's milestone. */
export function useCongratulate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CongratulationInput) =>
      (await api.put<{ milestone: SharedMilestone }>(`${milestonePath(id)}/congratulation`, input)).milestone,
    onSuccess: (milestone) => updateFeedItem(queryClient, id, milestone),
  });
}

export function useTakeBackCongratulation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await api.delete<{ milestone: SharedMilestone }>(`${milestonePath(id)}/congratulation`)).milestone,
    onSuccess: (milestone) => updateFeedItem(queryClient, id, milestone),
  });
}

/** Take one's own milestone off the feed. */
export function useUnshareMilestone(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(milestonePath(id)),
    onSuccess: () => {
      updateFeedItem(queryClient, id, null);
      // The counter shows whether a milestone is shared.
      void queryClient.invalidateQueries({ queryKey: ['recovery', 'counters'] });
    },
  });
}
