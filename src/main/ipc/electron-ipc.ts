import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { REQUEST_CHANNELS } from '../../shared/ipc/contract.ts';
import { dispatchRequest, type ContractHandlers } from '../../shared/ipc/dispatch.ts';
import {
  ELECTRON_EVENT_CHANNEL_PREFIX,
  ELECTRON_REQUEST_CHANNEL_PREFIX,
} from '../../shared/ipc/electron-channels.ts';
import { IPC_ERROR_CODES, err } from '../../shared/ipc/result.ts';
import type { EventSink } from '../../shared/ipc/transport.ts';
import type { Logger } from '../core/ports/logger.ts';

/**
 * The one typed `handle()`: registers every contract channel, accepting requests only from
 * windows we created whose frame shows our own page. The only `ipcMain` user in the app.
 */
export function handleContract(options: {
  handlers: ContractHandlers;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  logger: Logger;
  /** Runs just before each reply goes out (the window's coalesced events are sent first). */
  beforeReply?: () => void;
}): Disposable {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(ELECTRON_REQUEST_CHANNEL_PREFIX + channel, (event, payload: unknown) => {
      if (!options.isTrustedSender(event)) {
        options.logger.warn('refused IPC from an untrusted sender', { channel });
        return err(IPC_ERROR_CODES.forbidden, 'Refused: not an Alpha Monitor window.');
      }
      return dispatchRequest(options.handlers, channel, payload, (ch, error) =>
        options.logger.error('request failed', {
          channel: ch,
          error: error instanceof Error ? error.message : String(error),
        }),
      ).then((result) => {
        options.beforeReply?.();
        return result;
      });
    });
  }
  return {
    dispose() {
      for (const channel of REQUEST_CHANNELS)
        ipcMain.removeHandler(ELECTRON_REQUEST_CHANNEL_PREFIX + channel);
    },
  };
}

/** The one typed `emit()`: pushes contract events to our windows. */
export function createWindowEventSink(windows: () => BrowserWindow[]): EventSink {
  return {
    emit(name, payload) {
      for (const window of windows()) {
        if (!window.isDestroyed())
          window.webContents.send(ELECTRON_EVENT_CHANNEL_PREFIX + name, payload);
      }
    },
  };
}
