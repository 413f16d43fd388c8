/** The moderators' API: the queue, the log, and what a moderator can do to a post, a topic or a member. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Post, TopicDetail } from '@kindred/common/community';
import type {
  ModerationItem,
  ModerationLog,
  ModerationQueue,
  SuspendMemberInput,
  WarnMemberInput,
} from '@kindred/common/moderation';
import { api } from '../../lib/api.ts';

export type QueueStatus = 'open' | 'resolved';

export const moderationQueryKey = ['moderation'] as const;
export const moderationQueueQueryKey = (status: QueueStatus) => ['moderation', 'queue', status] as const;
export const moderationLogQueryKey = ['moderation', 'log'] as const;

const encode = encodeURIComponent;

/** The queue, a page at a time; possible crises come first. */
export function useModerationQueue(status: QueueStatus) {
  return useInfiniteQuery({
    queryKey: moderationQueueQueryKey(status),
    queryFn: ({ pageParam }) =>
      api.get<ModerationQueue>(
        `/api/moderation/queue?status=${status}${pageParam === null ? '' : `&cursor=${encode(pageParam)}`}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Several moderators work the same queue: keep it fresh while the page is open.
    refetchInterval: 60 * 1000,
  });
}

/** What moderators did, newest first. */
export function useModerationLog() {
  return useQuery({
    queryKey: moderationLogQueryKey,
    queryFn: async () => (await api.get<ModerationLog>('/api/moderation/log')).actions,
  });
}

/**
 * Any action changes the queue and the log, and what members see in the community (the community
 * area's queries live under ['community']).
 */
function useModerationMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: moderationQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['community'] });
    },
  });
}

export function useResolveItem() {
  return useModerationMutation(
    async ({ itemId, resolution }: { itemId: string; resolution: string }) =>
      (await api.post<{ item: ModerationItem }>(`/api/moderation/items/${encode(itemId)}/resolve`, { resolution }))
        .item,
  );
}

export function useHidePost() {
  return useModerationMutation(
    async ({ postId, reason, isHidden }: { postId: string; reason: string; isHidden: boolean }) =>
      (
        await api.post<{ post: Post }>(`/api/moderation/posts/${encode(postId)}/${isHidden ? 'hide' : 'unhide'}`, {
          reason,
        })
      ).post,
  );
}

export function useLockTopic() {
  return useModerationMutation(
    async ({ topicId, reason, isLocked }: { topicId: string; reason: string; isLocked: boolean }) =>
      (await api.patch<{ topic: TopicDetail }>(`/api/moderation/topics/${encode(topicId)}`, { reason, isLocked }))
        .topic,
  );
}

export function useWarnMember() {
  return useModerationMutation(({ handle, ...input }: WarnMemberInput & { handle: string }) =>
    api.post<undefined>(`/api/moderation/members/${encode(handle)}/warn`, input),
  );
}

export function useSuspendMember() {
  return useModerationMutation(({ handle, ...input }: SuspendMemberInput & { handle: string }) =>
    api.post<undefined>(`/api/moderation/members/${encode(handle)}/suspend`, input),
  );
}

export function useUnsuspendMember() {
  return useModerationMutation(({ handle, reason }: { handle: string; reason: string }) =>
    api.post<undefined>(`/api/moderation/members/${encode(handle)}/unsuspend`, { reason }),
  );
}
