/** /notifications: replies, reactions, mentions and moderators' messages, newest first. Opening one marks it read. */
import { Link } from 'react-router';
import type { Notification } from '@kindred/common/notifications';
import { Button, ButtonLink } from '../../components/button.tsx';
import { classNames } from '../../components/class-names.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { useMarkNotificationsRead, useNotifications, useUnreadCount } from './notifications.api.ts';

/** Only addresses inside Kindred: a notification can never send someone elsewhere. */
const isInsideKindred = (link: string) => link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');

export function NotificationsPage() {
  const list = useNotifications();
  const unread = useUnreadCount(true);
  const markRead = useMarkNotificationsRead();
  const showToast = useToast();
  const notifications = list.data?.pages.flatMap((page) => page.notifications) ?? [];
  const unreadCount = unread.data ?? list.data?.pages[0]?.unreadCount ?? 0;

  const markAllRead = () =>
    markRead.mutate({}, { onSuccess: () => showToast('All your notifications are marked as read.') });

  return (
    <Page
      title="Notifications"
      documentTitle={unreadCount > 0 ? `Notifications (${unreadCount} unread)` : 'Notifications'}
      lead="Replies, reactions and mentions from other members, and messages from the moderators."
    >
      {list.isPending ? (
        <Loading label="Loading your notifications…" />
      ) : list.isLoadingError ? (
        <Notice tone="error" title="We could not load your notifications">
          <p>{toApiError(list.error).message}</p>
          <Button variant="secondary" isLoading={list.isFetching} onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Notice>
      ) : notifications.length === 0 ? (
        <EmptyState
          title="Nothing here yet"
          action={
            <ButtonLink to="/" variant="secondary">
              Go to your home page
            </ButtonLink>
          }
        >
          <p>When someone replies to you, reacts to what you wrote or mentions you, you will see it here.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          <div className="notifications-toolbar">
            <p className="notifications-summary" aria-live="polite">
              {unreadCount === 0 ? 'You are all caught up.' : `${unreadCount} unread`}
            </p>
            {unreadCount > 0 && (
              <Button
                variant="secondary"
                isLoading={markRead.isPending && !markRead.variables?.ids}
                onClick={markAllRead}
              >
                Mark all as read
              </Button>
            )}
          </div>
          {markRead.isError && (
            <Notice tone="error" title="That did not work">
              <p>{toApiError(markRead.error).message}</p>
            </Notice>
          )}
          <ul className="notification-list">
            {notifications.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onOpen={() => {
                  if (!notification.isRead) markRead.mutate({ ids: [notification.id] });
                }}
              />
            ))}
          </ul>
          {list.hasNextPage && (
            <div className="actions feed-more">
              <Button variant="secondary" isLoading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Load more
              </Button>
            </div>
          )}
          {list.isFetchNextPageError && (
            <Notice tone="error" title="We could not load more">
              <p>{toApiError(list.error).message}</p>
            </Notice>
          )}
        </div>
      )}
    </Page>
  );
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const isUnread = !notification.isRead;
  const to = isInsideKindred(notification.link) ? notification.link : '/notifications';
  return (
    <li className={classNames('notification', isUnread && 'is-unread')}>
      {isUnread && <span className="notification-dot" aria-hidden="true" />}
      <div className="notification-content">
        <Link to={to} className="notification-link" onClick={onOpen}>
          {isUnread && <span className="visually-hidden">Unread: </span>}
          {notification.text}
        </Link>
        <p className="notification-time">
          <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
            {formatRelative(notification.createdAt)}
          </time>
          {isUnread && (
            <span className="notification-new" aria-hidden="true">
              {' '}
              · New
            </span>
          )}
        </p>
      </div>
    </li>
  );
}
