/**
 * In-app notifications: the unread count the header's bell polls, the list, and marking read.
 * Other areas invalidate `notificationsQueryKey` (or just the count) after something that may
 * change them, e.g. blocking a member.
 */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { MarkNotificationsRead, NotificationList, UnreadCount } from '@kindred/common/notifications';
import { api } from '../../lib/api.ts';

/** Everything about notifications; invalidate this to refresh the count and the list together. */
export const notificationsQueryKey = ['notifications'] as const;
export const unreadCountQueryKey = ['notifications', 'unread-count'] as const;
export const notificationListQueryKey = ['notifications', 'list'] as const;

const pollMilliseconds = 60 * 1000;

/** How many notifications the member has not read yet. */
export async function fetchUnreadCount(): Promise<number> {
  return (await api.get<UnreadCount>('/api/notifications/unread-count')).unreadCount;
}

/** One page of notifications, newest first. */
export function fetchNotifications(cursor: string | null): Promise<NotificationList> {
  return api.get<NotificationList>(
    cursor === null ? '/api/notifications' : `/api/notifications?cursor=${encodeURIComponent(cursor)}`,
  );
}

/** Marks these notifications read (or every one when `ids` is left out); answers the new unread count. */
export async function markNotificationsRead(input: MarkNotificationsRead): Promise<number> {
  return (await api.post<UnreadCount>('/api/notifications/read', input)).unreadCount;
}

/** Refreshes the bell and the list, e.g. after blocking someone whose notifications then disappear. */
export function invalidateNotifications(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
}

/** The unread count for the bell: every minute while the page is visible, and when the window gets focus again. */
export function useUnreadCount(isSignedIn: boolean) {
  return useQuery({
    queryKey: unreadCountQueryKey,
    queryFn: fetchUnreadCount,
    enabled: isSignedIn,
    staleTime: 0,
    refetchInterval: pollMilliseconds,
    refetchOnWindowFocus: true,
  });
}

/** The member's notifications, a page at a time. Each page also carries the unread count: the bell follows it. */
export function useNotifications() {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: notificationListQueryKey,
    queryFn: async ({ pageParam }) => {
      const page = await fetchNotifications(pageParam);
      queryClient.setQueryData(unreadCountQueryKey, page.unreadCount);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

type ListData = InfiniteData<NotificationList, string | null>;

/** Marks notifications read at once in the cached list (all of them when `ids` is left out). */
function showAsRead(queryClient: QueryClient, ids: readonly string[] | undefined): void {
  queryClient.setQueryData<ListData>(notificationListQueryKey, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            notifications: page.notifications.map((notification) =>
              ids === undefined || ids.includes(notification.id) ? { ...notification, isRead: true } : notification,
            ),
          })),
        }
      : data,
  );
}

/** Marks some notifications read, or all of them (no ids). The list changes at once; the count follows the server. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onMutate: (input) => showAsRead(queryClient, input.ids),
    onSuccess: (unreadCount) => queryClient.setQueryData(unreadCountQueryKey, unreadCount),
    // If it did not work, show the server's truth again.
    onError: () => void invalidateNotifications(queryClient),
  });
}
