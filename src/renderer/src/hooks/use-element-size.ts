import { useEffect, useRef, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

const NO_SIZE: ElementSize = { width: 0, height: 0 };

/**
 * The size of the element `ref` is put on, from a ResizeObserver: it is told after layout,
 * when the size changes, so a view that draws from it reads no layout while it renders (a
 * chart redrawn with new data costs no forced layout). Zero until the first report.
 */
export function useElementSize<E extends Element>(): [React.RefObject<E | null>, ElementSize] {
  const ref = useRef<E>(null);
  const [size, setSize] = useState<ElementSize>(NO_SIZE);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
