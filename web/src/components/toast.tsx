import { createContext, use, useCallback, useEffect, useState, type ReactNode } from 'react';
import { classNames } from './class-names.ts';

type Toast = { id: number; message: string };

const ToastContext = createContext<(message: string) => void>(() => {});

/** Shows a short, polite message ("Profile saved") that goes away by itself. */
export function useToast(): (message: string) => void {
  return use(ToastContext);
}

const visibleMilliseconds = 8000;

/**
 * One polite live region for the whole app, present from the start so screen readers hear every
 * message. A message stays while it is hovered or focused, and can be dismissed.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const [isPaused, setIsPaused] = useState(false);

  const showToast = useCallback(
    (message: string) => setToast((previous) => ({ id: (previous?.id ?? 0) + 1, message })),
    [],
  );

  useEffect(() => {
    if (!toast || isPaused) return;
    const timer = window.setTimeout(() => setToast(null), visibleMilliseconds);
    return () => window.clearTimeout(timer);
  }, [toast, isPaused]);

  const dismiss = () => {
    setToast(null);
    setIsPaused(false);
  };

  return (
    <ToastContext value={showToast}>
      {children}
      <div
        className={classNames('toast', !toast && 'is-empty')}
        onMouseEnter={() => setIsPaused(true)}
        onMouseLeave={() => setIsPaused(false)}
        onFocus={() => setIsPaused(true)}
        onBlur={() => setIsPaused(false)}
      >
        <div role="status" aria-live="polite" aria-atomic="true" className="toast-message">
          {toast?.message}
        </div>
        {toast && (
          <button type="button" className="toast-dismiss" onClick={dismiss}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Dismiss message</span>
          </button>
        )}
      </div>
    </ToastContext>
  );
}
