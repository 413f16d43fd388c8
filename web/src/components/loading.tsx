import { classNames } from './class-names.ts';

/** A spinner with words, announced politely. The spinner stands still when motion is reduced. */
export function Loading({ label = 'Loading…', className }: { label?: string; className?: string }) {
  return (
    <div className={classNames('loading', className)} role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="loading-label">{label}</span>
    </div>
  );
}

/** Grey lines standing in for text that is on its way; hidden from screen readers (pair with Loading). */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-line" />
      ))}
    </div>
  );
}
