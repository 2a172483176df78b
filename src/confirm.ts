/**
 * A confirmation before something discards the session (Restart, another scenario): the page's own dialog
 * (index.html #confirm), modal, with Cancel focused first. Cancel, Escape or closing keeps everything.
 */
export interface Confirmation {
  title: string;
  detail: string;
  /** the label of the button that goes ahead */
  ok: string;
}

/** Asks; resolves true only when the user chose the button that goes ahead. */
export function confirmDiscard(c: Confirmation): Promise<boolean> {
  const dialog = document.getElementById('confirm') as HTMLDialogElement | null;
  if (!dialog) throw new Error('index.html has no #confirm dialog');
  dialog.querySelector('#confirm-title')!.textContent = c.title;
  dialog.querySelector('#confirm-detail')!.textContent = c.detail;
  dialog.querySelector('[data-testid="confirm-ok"]')!.textContent = c.ok;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
  });
}
