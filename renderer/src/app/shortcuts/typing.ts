/** Is the key meant for a field (text input, list, editable text)? Then a global shortcut must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="combobox"], [contenteditable="true"]') !== null;
}

/** The sheet's own key: `?` (Shift+/ on most layouts), without Ctrl/Alt/Meta. */
export function isSheetKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): boolean {
  return e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey;
}
