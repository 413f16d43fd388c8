/**
 * The words of a post or a resource article. The server sanitizes bodyHtml (allowlisted tags,
 * rel="nofollow ugc noopener" on links, mentions as links to profiles): this is the one place in
 * the app that inserts HTML, and nothing else may.
 */
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { classNames } from '../../components/class-names.ts';

export function PostBody({ html, id, className }: { html: string; id?: string; className?: string }) {
  const navigate = useNavigate();

  // A link to a page of Kindred (a mention, another topic) opens inside the app, without a reload.
  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest('a');
    if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname === '/help' || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    void navigate(url.pathname + url.search + url.hash);
  };

  return (
    <div
      id={id}
      className={classNames('post-body', className)}
      onClick={handleClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
