import type { EventSink } from '../../shared/ipc/transport.ts';
import type { DemoStatus } from '../../shared/ipc/views-app.ts';
import type { AccountService } from './account-service.ts';
import { demoFleetAccountId, demoFleetLabel, isDemoAccountId } from './demo-fleet.ts';
import { DEMO_ACCOUNT_ID, type DemoService } from './demo-service.ts';
import type { AccountsPort } from './ports.ts';

/**
 * The demo as the person sees it: the embedded exchange, its `demo` account (and `demo-2` …
 * `demo-N` for a fleet) added in memory and monitored; stopping removes them all again.
 */
export class DemoAccounts {
  constructor(
    private readonly deps: {
      demo: DemoService;
      accounts: AccountsPort;
      accountService: AccountService;
      labels: Map<string, string>;
      events: EventSink;
    },
  ) {}

  async start(options?: { activity?: boolean; accounts?: number }): Promise<DemoStatus> {
    const { demo, accounts, accountService, labels, events } = this.deps;
    const exchange = await demo.start(options?.activity ?? true);
    const connectionOf = (accountId: string, credentials: typeof exchange.credentials) => ({
      accountId,
      credentials,
      restUrl: exchange.restUrl,
      wsUrl: exchange.wsUrl,
    });
    await accounts.addDirect({
      id: DEMO_ACCOUNT_ID,
      label: 'Demo',
      environment: 'demo',
      connection: connectionOf(DEMO_ACCOUNT_ID, exchange.credentials),
    });
    for (let n = 2; n <= (options?.accounts ?? 1); n++) {
      const id = demoFleetAccountId(n);
      if ((await accounts.list()).some((a) => a.id === id)) continue;
      await accounts.addDirect({
        id,
        label: demoFleetLabel(n),
        environment: 'demo',
        connection: connectionOf(id, exchange.addAccount()),
      });
    }
    await accountService.views();
    await accountService.forEach(
      [...labels.keys()].filter((id) => isDemoAccountId(id)),
      (id) => accountService.startOne(id),
    );
    events.emit('demoChanged', demo.status());
    return demo.status();
  }

  async stop(): Promise<DemoStatus> {
    const { demo, accounts, accountService, labels, events } = this.deps;
    for (const { id } of await accounts.list()) {
      if (!isDemoAccountId(id)) continue;
      await accountService.stopOne(id);
      await accounts.remove(id);
      labels.delete(id);
    }
    await demo.stop();
    await accountService.publish();
    events.emit('demoChanged', demo.status());
    return demo.status();
  }
}
