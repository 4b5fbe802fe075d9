import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs`: the first change after a quiet spell
 * shows at once, later ones wait for the interval, and the last one is always shown. For views
 * that cost more to draw than they gain from drawing every frame (charts, statistics).
 */
export function useSampled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAtMsRef = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const waitMs = Math.max(0, shownAtMsRef.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      shownAtMsRef.current = performance.now();
      setShown(value);
    }, waitMs);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
