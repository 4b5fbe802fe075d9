import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import { join } from 'node:path';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { AccountView } from '../../shared/ipc/views-app.ts';
import type { OverallState } from '../app/overall-state.ts';

const LABELS: Record<OverallState, string> = {
  live: 'Alpha Monitor — live',
  reconnecting: 'Alpha Monitor — reconnecting',
  failed: 'Alpha Monitor — a session failed',
  stopped: 'Alpha Monitor — stopped',
};

/** The tray: an icon per overall state and a menu to show the window, start/stop accounts, quit. */
export function createTray(options: {
  resourcesDir: string;
  showWindow(): void;
  toggleAccount(accountId: string, running: boolean): void;
  quit(): void;
}): Disposable & { update(state: OverallState, accounts: AccountView[]): void } {
  const icons = new Map<OverallState, NativeImage>();
  const icon = (state: OverallState) => {
    let image = icons.get(state);
    if (!image)
      icons.set(
        state,
        (image = nativeImage.createFromPath(join(options.resourcesDir, `tray-${state}.png`))),
      );
    return image;
  };
  const tray = new Tray(icon('stopped'));
  tray.on('click', () => options.showWindow());
  const update = (state: OverallState, accounts: AccountView[]) => {
    tray.setImage(icon(state));
    tray.setToolTip(LABELS[state]);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Show Alpha Monitor', click: () => options.showWindow() },
        { type: 'separator' },
        ...accounts.map((a) => ({
          label: `${a.running ? 'Stop' : 'Start'} ${a.label}`,
          click: () => options.toggleAccount(a.id, a.running),
        })),
        { type: 'separator' },
        { label: 'Quit', click: () => options.quit() },
      ]),
    );
  };
  update('stopped', []);
  return { update, dispose: () => tray.destroy() };
}
