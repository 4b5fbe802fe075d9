/**
 * The page's instruments, installed from outside (page.addInitScript) so the renderer carries
 * nothing for the bench: frames per wall-clock second from requestAnimationFrame, and when
 * each order row first showed a filled quantity (a MutationObserver on the orders table,
 * stamped with Date.now(), the clock the bench stamps its sends with).
 */

/** What the probe hands back on each drain. */
export interface ProbeDrain {
  /** [second start (Date.now ms), animation frames in that second], whole seconds only. */
  fps: Array<[number, number]>;
  /** [order id, filled quantity shown, Date.now ms]: each time a row showed more than before. */
  shown: Array<[string, number, number]>;
  /** Messages and characters the page's WebSockets received since the last drain. */
  socketMessages: number;
  socketChars: number;
}

/** The little of the DOM the probe uses (the bench compiles without the DOM library). */
interface ProbeElement {
  readonly isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement> & Iterable<ProbeElement>;
}
/** The page's globals as the probe and the bench see them. */
export interface ProbeWindow {
  document: ProbeElement & { querySelector(selector: string): ProbeElement | null };
  MutationObserver: new (callback: () => void) => {
    observe(target: ProbeElement, options: Record<string, boolean>): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: () => void): number;
  WebSocket: new (...args: never[]) => {
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  };
  __benchProbe?: { drain(): ProbeDrain };
}

/** Runs in the page before its own scripts; nothing outside this function is in scope. */
export function installProbe(): void {
  const page = globalThis as unknown as ProbeWindow;
  let fps: Array<[number, number]> = [];
  let shown: Array<[string, number, number]> = [];
  const maxShown = new Map<string, number>();
  let secondStartMs = 0;
  let frames = 0;
  let socketMessages = 0;
  let socketChars = 0;

  // What reaches the page from the host, counted as it arrives.
  const NativeWebSocket = page.WebSocket;
  page.WebSocket = class extends NativeWebSocket {
    constructor(...args: never[]) {
      super(...args);
      this.addEventListener('message', ({ data }) => {
        socketMessages++;
        socketChars += typeof data === 'string' ? data.length : 0;
      });
    }
  };

  // The row's raw filled quantity: its data attribute, else the Executed cell's title.
  const filledQty = (row: ProbeElement): number => {
    const attr = row.getAttribute('data-filled-qty');
    if (attr !== null) return Number(attr);
    const cell = row.querySelectorAll('.c-num')[2];
    return cell ? Number(cell.getAttribute('title')) : NaN;
  };
  const scan = () => {
    const nowMs = Date.now();
    for (const row of page.document.querySelectorAll('[data-testid="order-row"]')) {
      const id = row.getAttribute('data-order-id');
      const qty = filledQty(row);
      if (id === null || !(qty > (maxShown.get(id) ?? 0))) continue;
      maxShown.set(id, qty);
      shown.push([id, qty, nowMs]);
    }
  };
  const observer = new page.MutationObserver(scan);
  let table: ProbeElement | null = null;

  const onFrame = () => {
    const nowMs = Date.now();
    if (secondStartMs === 0) secondStartMs = nowMs;
    while (nowMs - secondStartMs >= 1000) {
      fps.push([secondStartMs, frames]);
      frames = 0;
      secondStartMs += 1000;
    }
    frames++;
    // The table mounts after the page has loaded its data, and may be replaced: follow it.
    if (table === null || !table.isConnected) {
      table = page.document.querySelector('[data-testid="orders-table"]');
      observer.disconnect();
      if (table !== null) {
        observer.observe(table, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        scan();
      }
    }
    page.requestAnimationFrame(onFrame);
  };
  page.requestAnimationFrame(onFrame);

  page.__benchProbe = {
    drain() {
      const out = { fps, shown, socketMessages, socketChars };
      fps = [];
      shown = [];
      socketMessages = socketChars = 0;
      return out;
    },
  };
}
