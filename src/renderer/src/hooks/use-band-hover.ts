import { useState } from 'react';

/**
 * Which of `count` equal bands (a chart's bars) the pointer is over, along `axis`, the first
 * band starting `offsetPx` into the element: the index, or null when over none. The element's
 * box is read on pointer moves only, never while drawing.
 */
export function useBandHover(
  axis: 'x' | 'y',
  offsetPx: number,
  bandPx: number,
  count: number,
): {
  hover: number | null;
  handlers: {
    onPointerMove: (event: React.PointerEvent<Element>) => void;
    onPointerLeave: () => void;
  };
} {
  const [hover, setHover] = useState<number | null>(null);
  const onPointerMove = (event: React.PointerEvent<Element>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const at = axis === 'x' ? event.clientX - box.left : event.clientY - box.top;
    const i = bandPx > 0 ? Math.floor((at - offsetPx) / bandPx) : -1;
    setHover(i >= 0 && i < count ? i : null);
  };
  return {
    hover: hover !== null && hover < count ? hover : null,
    handlers: { onPointerMove, onPointerLeave: () => setHover(null) },
  };
}
