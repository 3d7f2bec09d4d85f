import { useCallback, useState } from 'react';

/** The live height of an element (for a virtual list's viewport); a callback ref, so it follows remounts. */
export function useElementHeight(): [(el: HTMLElement | null) => void, number] {
  const [height, setHeight] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, []);
  return [ref, height];
}
