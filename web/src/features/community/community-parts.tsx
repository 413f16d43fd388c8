/** Small pieces the community's pages share: authors, times, content warnings, flags, highlights. */
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { contentWarningLabels, type Author, type ContentWarning, type ExcerptPart } from '@kindred/common/community';
import { classNames } from '../../components/class-names.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';

export const memberPath = (handle: string) => `/members/${encodeURIComponent(handle)}`;
export const topicPagePath = (id: string) => `/community/t/${encodeURIComponent(id)}`;
export const categoryPagePath = (slug: string) => `/community/c/${encodeURIComponent(slug)}`;
export const articlePagePath = (slug: string) => `/resources/${encodeURIComponent(slug)}`;

/** Who wrote something, in words: "@sam", "Anonymous member", "You (posted anonymously)". */
export function authorName(author: Author): string {
  if (author.isYou && author.isAnonymous) return 'You (posted anonymously)';
  if (author.handle === null) return 'Anonymous member';
  if (author.isAnonymous) return `@${author.handle} (posted anonymously)`;
  return `@${author.handle}`;
}

/** The author, linking to their profile when they may be known; "new member" for the newly joined. */
export function AuthorName({ author }: { author: Author }) {
  const name = authorName(author);
  return (
    <span className="author">
      {author.handle !== null && !author.isAnonymous ? (
        <Link to={memberPath(author.handle)} className="author-name">
          {name}
        </Link>
      ) : (
        <span className="author-name">{name}</span>
      )}
      {author.isYou && !author.isAnonymous && <span className="muted"> (you)</span>}
      {author.isNewMember && !author.isYou && <span className="badge author-new"> New member</span>}
    </span>
  );
}

/** "5 minutes ago", with the full date and time for anyone who hovers or reads the markup. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}

export const warningListText = (warnings: readonly ContentWarning[]) =>
  warnings.map((warning) => contentWarningLabels[warning]).join(', ');

/** The content warnings of a story, as chips. */
export function WarningChips({ warnings }: { warnings: readonly ContentWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warning-chips" aria-label="Content warnings">
      {warnings.map((warning) => (
        <li key={warning} className="warning-chip">
          {contentWarningLabels[warning]}
        </li>
      ))}
    </ul>
  );
}

function PinIcon() {
  return (
    <svg className="topic-flag-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M15 3l6 6-3 1-4 4 1 5-2 2-4-5-5 5-1-1 5-5-5-4 2-2 5 1 4-4z" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg className="topic-flag-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zm2 0h6V7a3 3 0 0 0-6 0z" />
    </svg>
  );
}

/** Pinned and locked, as icons with words for screen readers; a recovery story says so. */
export function TopicFlags({
  isPinned,
  isLocked,
  isStory,
}: {
  isPinned: boolean;
  isLocked: boolean;
  isStory: boolean;
}) {
  if (!isPinned && !isLocked && !isStory) return null;
  return (
    <span className="topic-flags">
      {isPinned && (
        <span className="topic-flag" title="Pinned">
          <PinIcon />
          <span className="visually-hidden">Pinned</span>
        </span>
      )}
      {isLocked && (
        <span className="topic-flag" title="Locked: no new replies">
          <LockIcon />
          <span className="visually-hidden">Locked</span>
        </span>
      )}
      {isStory && <span className="badge story-badge">Recovery story</span>}
    </span>
  );
}

/** Text with its matching words highlighted. Plain text only: never HTML. */
export function Highlighted({ parts }: { parts: readonly ExcerptPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.isMatch ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

/** One checkbox with a label and, under it, a hint (outside the label, so the name stays short). */
export function CheckboxField({
  id,
  label,
  hint,
  isChecked,
  onChange,
  className,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
  className?: string;
}) {
  const hintId = useId();
  return (
    <div className={classNames('field', className)}>
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          checked={isChecked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <div className="choice-text">
          <label htmlFor={id}>{label}</label>
          {hint && (
            <span id={hintId} className="choice-hint">
              {hint}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

/** "1 reply", "4 replies". */
export const countText = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
