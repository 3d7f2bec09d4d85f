import { useEffect, useRef, type RefObject } from 'react';

/** Is focus inside an open dropdown (Select / Cascader)? There Esc closes the list, not the form. */
function inOpenPopup(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.getAttribute('aria-expanded') === 'true') return true;
  return target.closest('.ant-select-dropdown, .ant-picker-dropdown, .ant-cascader-dropdown') !== null;
}

/**
 * A dialog or the order drawer is over the form: keys belong to it. The overlay the form itself
 * sits in (the wall's snapshot intake is a drawer) does not count, except for Esc, which closes it.
 */
function overlayOpen(host: HTMLElement | null): boolean {
  const over = (el: Element) => host === null || !el.contains(host);
  if (Array.from(document.querySelectorAll('.ant-drawer-open')).some(over)) return true;
  return Array.from(document.querySelectorAll<HTMLElement>('.ant-modal')).some(
    (m) => m.offsetParent !== null && over(m),
  );
}

/**
 * Ctrl+Enter submits from anywhere on the page; Esc (outside open lists and dialogs) asks to
 * clear the form. Listens on the window so no field has to have focus.
 */
export function useIntakeKeys(onSubmit: () => void, onClear: () => void, host: RefObject<HTMLElement | null>): void {
  const handlers = useRef({ onSubmit, onClear });
  useEffect(() => {
    handlers.current = { onSubmit, onClear };
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        if (overlayOpen(host.current)) return;
        e.preventDefault();
        handlers.current.onSubmit();
      } else if (e.key === 'Escape' && !e.defaultPrevented && !inOpenPopup(e.target)) {
        if (overlayOpen(null)) return;
        handlers.current.onClear();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [host]);
}
