import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: ReactNode;
  headingLevel?: 2 | 3;
  children?: ReactNode;
  /** An optional next step (a link or button). */
  action?: ReactNode;
};

/** What a place looks like before there is anything in it: a calm note, never fake content. */
export function EmptyState({ title, headingLevel = 2, children, action }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <svg className="empty-state-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <circle cx="19" cy="24" r="11" />
        <circle cx="29" cy="24" r="11" />
      </svg>
      <Heading className="empty-state-title">{title}</Heading>
      {children && <div className="empty-state-text">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
