import { create } from 'zustand';

/** The one compact toast of the status bar: the newest urgent alert or new 待办, for a few seconds. */
export interface AlertToast {
  key: string;
  /** The kind label, e.g. 特急工单 or 延时申请待审批. */
  label: string;
  code: string;
  title: string;
  severe: boolean;
}

export const TOAST_MS = 8_000;

export const useAlertToast = create<{ toast: AlertToast | null }>(() => ({ toast: null }));

let timer: ReturnType<typeof setTimeout> | undefined;

export function showAlertToast(toast: AlertToast): void {
  clearTimeout(timer);
  useAlertToast.setState({ toast });
  timer = setTimeout(() => {
    useAlertToast.setState({ toast: null });
  }, TOAST_MS);
}

export function clearAlertToast(): void {
  clearTimeout(timer);
  useAlertToast.setState({ toast: null });
}

/** The alert drawer's open state (the status bar's bell and the toast open it). */
export const useAlertDrawer = create<{ open: boolean }>(() => ({ open: false }));

export function setAlertDrawerOpen(open: boolean): void {
  useAlertDrawer.setState({ open });
  if (open) clearAlertToast();
}
