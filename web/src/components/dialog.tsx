import { useEffect, useId, useRef, type ReactNode } from 'react';

type DialogProps = {
  isOpen: boolean;
  /** Called when the dialog closes for any reason: Escape, the close button, or isOpen turning false. */
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
};

/**
 * A modal dialog on the native <dialog>: showModal() traps focus and makes the page inert, Escape
 * closes it, it is labelled by its title, and focus goes back to what opened it. Focus starts on
 * the element marked data-autofocus, else on the first focusable one.
 */
export function Dialog({ isOpen, onClose, title, children }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // React's autoFocus fires before the dialog is open; mark the first field with data-autofocus instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  const handleClose = () => {
    onClose();
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={handleClose}>
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="dialog-close" onClick={() => dialogRef.current?.close()}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">Close</span>
        </button>
      </div>
      {isOpen && <div className="dialog-body">{children}</div>}
    </dialog>
  );
}
