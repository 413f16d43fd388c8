import { useId, type ReactNode } from 'react';
import { classNames } from './class-names.ts';

type CardProps = {
  title?: ReactNode;
  /** The heading level of the title in the page's outline (default 2). */
  headingLevel?: 2 | 3;
  tone?: 'default' | 'help' | 'danger';
  className?: string;
  children: ReactNode;
};

/** A section of a page on its own surface; labelled by its title when it has one. */
export function Card({ title, headingLevel = 2, tone = 'default', className, children }: CardProps) {
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      className={classNames('card', tone !== 'default' && `card-${tone}`, className)}
      aria-labelledby={title ? titleId : undefined}
    >
      {title && (
        <Heading id={titleId} className="card-title">
          {title}
        </Heading>
      )}
      {children}
    </section>
  );
}
