import { useEffect } from 'react';
import { LAYOUT_IDS, LAYOUTS, neighbour, type Direction } from '../layouts';
import { clearSlot, select, setLayout, toggleMaximise, useWallStore } from '../store';

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The digit of a key by its physical position, so Alt+digit works on every keyboard layout. */
function digitOf(e: KeyboardEvent): number | null {
  const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** Typing in a field, or a dialog, drawer or open list is in front of the wall: keys are theirs. */
function keysBelongElsewhere(e: KeyboardEvent): boolean {
  const target = e.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || target.closest('input, textarea, select, [role="combobox"]')) return true;
    if (target.closest('.ant-select-dropdown, .ant-dropdown, .ant-popover, .ant-modal, .ant-drawer')) return true;
    // In the camera tree the arrows move through the tree; Enter and tile numbers are the tree's only
    // while a camera is chosen there (it marks them handled), else the wall's as usual.
    if (e.key.startsWith('Arrow') && target.closest('[role="tree"]')) return true;
    // Enter or Space on a focused button presses that button.
    if ((e.key === 'Enter' || e.key === ' ') && target.closest('button, a, [role="button"], [role="menuitem"]')) {
      return true;
    }
  }
  if (document.querySelector('.ant-drawer-open')) return true;
  return Array.from(document.querySelectorAll<HTMLElement>('.ant-modal-wrap')).some((m) => m.offsetParent !== null);
}

/**
 * The wall's keyboard: 1–9 and 0 select tiles 1–10, arrows move the selection, Enter maximises,
 * Esc goes back, Delete empties the selected tile, Alt+1…Alt+9 switch the nine layouts.
 */
export function useWallKeys(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || keysBelongElsewhere(e)) return;
      const state = useWallStore.getState();
      const digit = digitOf(e);
      if (e.altKey) {
        const layout = digit === null || digit === 0 ? undefined : LAYOUT_IDS[digit - 1];
        if (layout === undefined) return;
        e.preventDefault();
        setLayout(layout);
        return;
      }
      if (e.shiftKey) return;
      if (digit !== null) {
        e.preventDefault();
        select(digit === 0 ? 9 : digit - 1);
        return;
      }
      const direction = ARROWS[e.key];
      if (direction) {
        e.preventDefault();
        if (state.maximised === null) select(neighbour(LAYOUTS[state.layoutId], state.selected, direction));
        return;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        toggleMaximise(state.maximised === null ? state.selected : null);
      } else if (e.key === 'Escape' && state.maximised !== null) {
        e.preventDefault();
        toggleMaximise(null);
      } else if (e.key === 'Delete') {
        e.preventDefault();
        clearSlot(state.selected);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}
