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

/** What opening the page on the table cost it: what its socket received, its heap after. */
export interface PageLoad {
  socketChars: number;
  heapMb: number;
}

export interface UiBenchCallbacks {
  rendererDir?: string;
  onTable(seeded: number, idleFps: number, loaded: PageLoad): void;
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
      await records.drain();
      const loaded = { socketChars: records.socketChars, heapMb: await rig.pageHeapMb() };
      const idle = idleFps(await measureIdle(records, plan.idleMs));
      callbacks.onTable(seeded, idle, loaded);
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
