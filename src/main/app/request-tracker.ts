import type { ContractHandlers } from '../../shared/ipc/dispatch.ts';
import { appError } from './app-error.ts';

/**
 * The contract's handlers with the requests still running tracked: `close()` refuses new ones
 * (SHUTTING_DOWN) and waits for those running. Requests still running at shutdown (a demo
 * starting, an account being added) finish before the services are disposed: otherwise what
 * they create after disposal (a simulator, a monitor) would outlive the app and keep its
 * process alive.
 */
export function trackRequests(handlers: ContractHandlers): {
  handlers: ContractHandlers;
  close(): Promise<void>;
} {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const tracked = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      (payload: unknown) => {
        if (closing) throw appError('SHUTTING_DOWN', 'Alpha Monitor is quitting.');
        const result = Promise.resolve().then(() => (handler as (p: unknown) => unknown)(payload));
        const forget = () => void inFlight.delete(result);
        inFlight.add(result);
        result.then(forget, forget);
        return result;
      },
    ]),
  ) as ContractHandlers;
  return {
    handlers: tracked,
    async close() {
      closing = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
