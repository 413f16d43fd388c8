/**
 * "Are you sure?" before something that cannot be undone: what will happen, the danger button,
 * and a way out that has the focus ("Keep it"), with the error in words if the action failed.
 */
import type { ReactNode } from 'react';
import { toApiError } from '../lib/api.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { Notice } from './notice.tsx';

type ConfirmDialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isPending: boolean;
  /** The failed attempt's error, if any, shown under `errorTitle`. */
  error: unknown;
  errorTitle: string;
  cancelLabel?: string;
};

export function ConfirmDialog({
  isOpen,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  isPending,
  error,
  errorTitle,
  cancelLabel = 'Keep it',
}: ConfirmDialogProps) {
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={title}>
      <div className="stack">
        {children}
        {error != null && (
          <Notice tone="error" title={errorTitle}>
            <p>{toApiError(error).message}</p>
          </Notice>
        )}
        <div className="actions">
          <Button variant="danger" isLoading={isPending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" data-autofocus onClick={onClose}>
            {cancelLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
