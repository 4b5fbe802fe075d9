import type { DemoStatus } from '../../shared/ipc/views-app.ts';
import type { DemoExchange, DemoExchangeFactory } from './ports.ts';

/** The id of the demo account (its credentials come from the embedded simulator). */
export const DEMO_ACCOUNT_ID = 'demo';

/** Starts and stops the embedded demo exchange. The account and monitor are the root's job. */
export class DemoService {
  private exchange: DemoExchange | null = null;
  private starting: Promise<DemoExchange> | null = null;
  private activity = false;

  constructor(private readonly createExchange: DemoExchangeFactory) {}

  get running(): boolean {
    return this.exchange !== null;
  }

  status(): DemoStatus {
    return {
      running: this.running,
      accountId: this.running ? DEMO_ACCOUNT_ID : null,
      activity: this.activity,
    };
  }

  async start(activity: boolean): Promise<DemoExchange> {
    if (this.exchange) return this.exchange;
    this.starting ??= this.createExchange();
    try {
      this.exchange = await this.starting;
    } finally {
      this.starting = null;
    }
    if (activity) {
      this.exchange.startActivity();
      this.activity = true;
    }
    return this.exchange;
  }

  async stop(): Promise<void> {
    const exchange = this.exchange;
    this.exchange = null;
    this.activity = false;
    if (!exchange) return;
    exchange.stopActivity();
    await exchange.dispose();
  }

  dispose(): Promise<void> {
    return this.stop();
  }
}
