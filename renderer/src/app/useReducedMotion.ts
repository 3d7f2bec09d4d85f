import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function media(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const list = media();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/**
 * Whether the operating system asks for less motion (Windows: 设置 › 辅助功能 › 视觉效果 › 动画效果 off).
 * antd animates every dialog, drawer and dropdown and does not ask by itself; the console then
 * opens them (nearly) at once. The end-to-end tests run this way (playwright.config.ts: reducedMotion).
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false);
}
