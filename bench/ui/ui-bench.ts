/**
 * The UI bench's plan and its run: per table size, one rig (simulator, host, page), the idle
 * page's fps, then each load in turn. Used by bench/ui/run.ts and by its e2e smoke.
 */
import { idleFps, type LoadMeasurement } from './figures.ts';
import { measureIdle, ProbeRecords, runLoad } from './loads.ts';
import { startRig } from './rig.ts';

export interface UiLoad {
  label: string;
  /** Updates per second, sent for `durationMs`. */
  rate: number;
  durationMs: number;
  /** Report how long after its end everything was on screen. */
  burst?: boolean;
}

export interface UiBenchPlan {
  idleMs: number;
  /** Ended orders already in the table, one rig per entry (0 = an empty table). */
  tables: number[];
  loads: UiLoad[];
}

export interface UiBenchCallbacks {
  rendererDir?: string;
  onTable(seeded: number, idleFps: number): void;
  onLoad(seeded: number, load: UiLoad, measurement: LoadMeasurement, idleFps: number): void;
}

export async function runUiBench(plan: UiBenchPlan, callbacks: UiBenchCallbacks): Promise<void> {
  for (const seeded of plan.tables) {
    const rig = await startRig({
      seedOrders: seeded,
      rendererDir: callbacks.rendererDir,
      readyTimeoutMs: 300_000,
    });
    try {
      const records = new ProbeRecords(rig.page);
      const idle = idleFps(await measureIdle(records, plan.idleMs));
      callbacks.onTable(seeded, idle);
      for (const load of plan.loads)
        callbacks.onLoad(
          seeded,
          load,
          await runLoad(rig, records, load.rate, load.durationMs),
          idle,
        );
    } finally {
      await rig.dispose();
    }
  }
}
