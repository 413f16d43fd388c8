import type { ReactNode } from 'react';
import { classNames } from './class-names.ts';

/** A short message inside a page: information, or something that went wrong (with what to do next). */
export function Notice({
  tone = 'info',
  title,
  children,
}: {
  tone?: 'info' | 'error';
  title?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={classNames('notice', `notice-${tone}`)}>
      {title && <p className="notice-title">{title}</p>}
      <div className="notice-text">{children}</div>
    </div>
  );
}
