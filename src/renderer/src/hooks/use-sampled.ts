import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs`: the first change after a quiet spell
 * shows at once, later ones wait for the interval, and the last one is always shown. For views
 * that cost more to draw than they gain from drawing every frame (charts, statistics).
 *
 * One timer per interval, however often `value` changes meanwhile (the monitor renders once per
 * frame with a new value: re-arming a timer on each render cost more than the timer's work).
 */
export function useSampled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAtMsRef = useRef(-Infinity);
  const latestRef = useRef(value);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latestRef.current = value;
    if (Object.is(value, shown) || timerRef.current !== null) return;
    const waitMs = Math.max(0, shownAtMsRef.current + intervalMs - performance.now());
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      shownAtMsRef.current = performance.now();
      // The newest value by now (later renders only updated the ref); as an updater's result,
      // so a function value is shown, not called.
      const next = latestRef.current;
      setShown(() => next);
    }, waitMs);
  }, [value, shown, intervalMs]);
  useEffect(
    () => () => {
      if (timerRef.current !== null) clearTimeout(timerRef.current);
      timerRef.current = null;
    },
    [],
  );
  return shown;
}
