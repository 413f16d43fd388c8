/** Safety for every member: reporting something to the moderators, and blocking (and unblocking) members. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlockList, ReportInput } from '@kindred/common/moderation';
import { api } from '../../lib/api.ts';
import { invalidateNotifications } from '../notifications/notifications.api.ts';

export const blocksQueryKey = ['safety', 'blocks'] as const;

const blockPath = (handle: string) => `/api/safety/blocks/${encodeURIComponent(handle)}`;

/** True when the two handles are the same member (handles are unique without regard to case). */
export const isSameHandle = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Sends a report to the moderators; answers the server's thank-you message. */
export function useSendReport() {
  return useMutation({
    mutationFn: async (input: ReportInput) =>
      (await api.post<{ report: { id: string; message: string } }>('/api/safety/reports', input)).report,
  });
}

/** The members this member has blocked, with when. */
export function useBlocks() {
  return useQuery({
    queryKey: blocksQueryKey,
    queryFn: async () => (await api.get<BlockList>('/api/safety/blocks')).blocks,
  });
}

/** Blocking or unblocking changes whose posts and notifications the member sees: refresh those too. */
function useAfterBlockChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: blocksQueryKey });
    void invalidateNotifications(queryClient);
    void queryClient.invalidateQueries({ queryKey: ['community'] });
  };
}

export function useBlockMember() {
  const afterChange = useAfterBlockChange();
  return useMutation({
    mutationFn: (handle: string) => api.put<undefined>(blockPath(handle)),
    onSuccess: afterChange,
  });
}

export function useUnblockMember() {
  const queryClient = useQueryClient();
  const afterChange = useAfterBlockChange();
  return useMutation({
    mutationFn: (handle: string) => api.delete<undefined>(blockPath(handle)),
    onSuccess: (_result, handle) => {
      // Off the list at once; the refresh confirms it.
      queryClient.setQueryData<BlockList['blocks']>(blocksQueryKey, (blocks) =>
        blocks?.filter((block) => !isSameHandle(block.handle, handle)),
      );
      afterChange();
    },
  });
}
