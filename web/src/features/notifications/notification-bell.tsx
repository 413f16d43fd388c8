import { NavLink } from 'react-router';
import { useUnreadCount } from './notifications.api.ts';

/** What the badge shows; the words for screen readers always carry the real number. */
const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/**
 * The header's link to /notifications for a signed-in member: a bell, and a badge with the unread
 * count when there is any. Its name reads "Notifications" or "Notifications, 3 unread".
 */
export function NotificationBell() {
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  return (
    <NavLink to="/notifications" className="nav-link notification-bell">
      <svg className="notification-bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Z" />
        <path d="M9.5 19.5a2.5 2.5 0 0 0 5 0" />
      </svg>
      <span className="visually-hidden">{count > 0 ? `Notifications, ${count} unread` : 'Notifications'}</span>
      {count > 0 && (
        <span className="notification-badge" aria-hidden="true">
          {badgeText(count)}
        </span>
      )}
    </NavLink>
  );
}
