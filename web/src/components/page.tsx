import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { classNames } from './class-names.ts';

// The first page of a visit keeps the browser's own focus (so the skip link comes first); later pages take it.
let firstLocationKey: string | undefined;

type PageProps = {
  /** The page's h1; also the document title unless `documentTitle` is given. */
  title: ReactNode;
  documentTitle?: string;
  /** A sentence under the title. */
  lead?: ReactNode;
  width?: 'narrow' | 'normal' | 'wide';
  children?: ReactNode;
};

/**
 * A page: sets document.title, renders the one h1, and after each navigation moves focus to that
 * h1 so screen readers announce where the person arrived.
 */
export function Page({ title, documentTitle, lead, width = 'normal', children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const titleText = documentTitle ?? (typeof title === 'string' ? title : undefined);

  useEffect(() => {
    if (titleText !== undefined) document.title = titleText === 'Kindred' ? 'Kindred' : `${titleText} · Kindred`;
  }, [titleText]);

  useEffect(() => {
    firstLocationKey ??= location.key;
    if (location.key !== firstLocationKey) headingRef.current?.focus();
  }, [location.key]);

  return (
    <div className={classNames('page', `page-${width}`)}>
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          {title}
        </h1>
        {lead && <p className="page-lead">{lead}</p>}
      </div>
      {children}
    </div>
  );
}
