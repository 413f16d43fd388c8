/** One item of the moderation queue: what it is about, who wrote it, what members reported, and the actions. */
import { useId } from 'react';
import { Link } from 'react-router';
import { reportReasonLabels, type ModerationItem } from '@kindred/common/moderation';
import { classNames } from '../../components/class-names.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { crisisKindsInWords, itemKindLabels } from './moderation-labels.ts';
import { isSuspendedNow, ModerationActions } from './moderation-actions.tsx';
// The app's one component that inserts (server-sanitized) HTML.
import { PostBody } from '../community/post-body.tsx';

const memberPath = (handle: string) => `/members/${encodeURIComponent(handle)}`;
const isInsideKindred = (link: string) => link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');

function When({ at }: { at: string }) {
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at)}
    </time>
  );
}

function itemTitle(item: ModerationItem): string {
  const { subject } = item;
  const who = subject.memberHandle === null ? 'a member who left' : `@${subject.memberHandle}`;
  if (subject.kind === 'profile') return `Profile of ${who}`;
  const where = subject.topic ? ` in “${subject.topic.title}”` : '';
  const what = subject.postNumber === 1 ? 'Topic' : subject.postNumber === null ? 'Post' : 'Reply';
  return `${what} by ${who}${where}`;
}

export function ModerationItemCard({ item, onResolved }: { item: ModerationItem; onResolved: () => void }) {
  const headingId = useId();
  const { subject } = item;
  const isSuspended = isSuspendedNow(subject.memberSuspendedUntil);
  const link = subject.link !== null && isInsideKindred(subject.link) ? subject.link : null;
  return (
    <article
      aria-labelledby={headingId}
      className={classNames('card', 'moderation-item', item.isPriority && 'is-priority')}
    >
      {item.isPriority && (
        <p className="crisis-flag">
          <strong>Possible crisis</strong>
          {item.crisisKinds.length > 0
            ? `: ${crisisKindsInWords(item.crisisKinds)}`
            : ': a member reported that someone may be in danger'}
        </p>
      )}
      <h3 id={headingId} className="moderation-item-title">
        {itemTitle(item)}
      </h3>
      <p className="moderation-item-meta muted">
        {itemKindLabels[item.kind]} · <When at={item.createdAt} />
        {item.reports.length > 0 && ` · ${item.reports.length} ${item.reports.length === 1 ? 'report' : 'reports'}`}
      </p>

      <dl className="moderation-facts">
        <div>
          <dt>{subject.kind === 'post' ? 'Written by' : 'Member'}</dt>
          <dd>
            {subject.memberHandle === null ? (
              'A member who left'
            ) : (
              <Link to={memberPath(subject.memberHandle)}>@{subject.memberHandle}</Link>
            )}
            {subject.postedAnonymously && ' (posted anonymously: other members don’t see who wrote it)'}
            {isSuspended && subject.memberSuspendedUntil && (
              <>
                {' · '}
                <span className="moderation-state">
                  Suspended until{' '}
                  <time dateTime={subject.memberSuspendedUntil}>{formatDateTime(subject.memberSuspendedUntil)}</time>
                </span>
              </>
            )}
          </dd>
        </div>
        {subject.topic && (
          <div>
            <dt>Topic</dt>
            <dd>
              <Link to={`/community/t/${encodeURIComponent(subject.topic.id)}`}>{subject.topic.title}</Link>
              {subject.topic.isLocked && (
                <>
                  {' · '}
                  <span className="moderation-state">Locked</span>
                </>
              )}
            </dd>
          </div>
        )}
        {subject.kind === 'post' && (
          <div>
            <dt>Members see it</dt>
            <dd>
              {subject.isDeleted ? (
                <span className="moderation-state">No: deleted</span>
              ) : subject.isHidden ? (
                <span className="moderation-state">No: hidden</span>
              ) : (
                'Yes'
              )}
            </dd>
          </div>
        )}
      </dl>

      {subject.kind === 'post' && (
        <div className="moderation-post">
          <p className="moderation-post-label">{subject.isDeleted ? 'The post was deleted' : 'What they wrote'}</p>
          {subject.bodyHtml !== null ? (
            <PostBody html={subject.bodyHtml} className="moderation-post-body" />
          ) : (
            !subject.isDeleted && <p className="muted">The text of this post is not available.</p>
          )}
          {link && (
            <p>
              <Link to={link}>Open the post in the community</Link>
            </p>
          )}
        </div>
      )}
      {subject.kind === 'profile' && subject.memberHandle && (
        <p>
          <Link to={memberPath(subject.memberHandle)}>Open @{subject.memberHandle}’s profile</Link>
        </p>
      )}

      {item.reports.length > 0 && (
        <div className="moderation-reports">
          <h4 className="moderation-reports-title">
            {item.reports.length === 1 ? 'What a member reported' : `What ${item.reports.length} members reported`}
          </h4>
          <ul>
            {item.reports.map((report, index) => (
              <li key={`${report.createdAt}-${index}`}>
                <strong>{reportReasonLabels[report.reason]}</strong>
                {report.note && <q className="moderation-report-note">{report.note}</q>}
                <span className="muted">
                  {' '}
                  {report.reporterHandle === null ? 'By a member who left' : `By @${report.reporterHandle}`},{' '}
                  <When at={report.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {item.resolvedAt !== null && (
        <p className="moderation-resolution">
          Resolved <When at={item.resolvedAt} />
          {item.resolvedByHandle && ` by @${item.resolvedByHandle}`}
          {item.resolution && (
            <>
              : <q>{item.resolution}</q>
            </>
          )}
        </p>
      )}

      <ModerationActions item={item} onResolved={onResolved} />
    </article>
  );
}
