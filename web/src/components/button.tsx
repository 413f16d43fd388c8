import type { AnchorHTMLAttributes, ButtonHTMLAttributes, MouseEvent, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import { classNames } from './class-names.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

/** The classes of a button, for links that look like one. */
export function buttonClassName(variant: ButtonVariant = 'primary', className?: string): string {
  return classNames('button', `button-${variant}`, className);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** React 19 passes ref as a prop: for moving focus back to a button. */
  ref?: Ref<HTMLButtonElement>;
  variant?: ButtonVariant;
  /** Shows a spinner and refuses further clicks while an action runs; announced with aria-busy. */
  isLoading?: boolean;
};

/** A button. Defaults to type="button" so it never submits a form by accident. */
export function Button({
  variant = 'primary',
  isLoading = false,
  className,
  onClick,
  children,
  type,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    // Still focusable while busy (a disabled button would drop focus), but it does nothing.
    if (isLoading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={buttonClassName(variant, className)}
      aria-busy={isLoading || undefined}
      aria-disabled={isLoading || rest['aria-disabled'] || undefined}
      onClick={handleClick}
    >
      {isLoading && <span className="button-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A link inside the app that looks like a button. */
export function ButtonLink({ variant = 'primary', className, ...rest }: LinkProps & { variant?: ButtonVariant }) {
  return <Link {...rest} className={buttonClassName(variant, typeof className === 'string' ? className : undefined)} />;
}

/** A plain link (full page load: downloads, /help) that looks like a button. */
export function ButtonAnchor({
  variant = 'primary',
  className,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant }) {
  return <a {...rest} className={buttonClassName(variant, className)} />;
}
