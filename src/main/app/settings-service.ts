import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter, type Event } from '../../shared/event/emitter.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/ipc/views-app.ts';
import { settingsPatchSchema } from '../../shared/ipc/contract.ts';
import { writeJsonFileAtomic } from '../core/files/atomic-json-file.ts';
import type { Logger } from '../core/ports/logger.ts';

/** Settings in `<data folder>/settings.json`. A damaged file falls back to defaults (and says so in the log). */
export class SettingsService {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private readonly changed = new Emitter<Settings>({ name: 'settings-service.change' });
  readonly onDidChange: Event<Settings> = this.changed.event;
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.path = join(dataDir, 'settings.json');
  }

  async load(): Promise<Settings> {
    try {
      const parsed = settingsPatchSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) this.current = { ...DEFAULT_SETTINGS, ...parsed.data };
      else this.logger.warn('settings.json is not valid; using defaults', { path: this.path });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.logger.warn('cannot read settings.json; using defaults', { path: this.path });
    }
    return this.get();
  }

  get(): Settings {
    return { ...this.current };
  }

  /**
   * Changes one at a time, each on top of the last: two changes made at once (two clicks in
   * the settings dialog) both stay, and never share the temporary file.
   */
  update(patch: Partial<Settings>): Promise<Settings> {
    const run = this.queue.then(() => this.apply(patch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async apply(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...this.current, ...patch };
    // A failed save (full disk: DISK_FULL) keeps the old file and the settings in force.
    await writeJsonFileAtomic(this.path, next);
    this.current = next;
    this.changed.fire(this.get());
    return this.get();
  }
}
