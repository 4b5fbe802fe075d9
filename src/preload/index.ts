/**
 * The preload: builds `window.api` from the contract over Electron IPC. Sandboxed, bundled
 * into one file; it holds no logic beyond the transport.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from '../shared/ipc/create-api.ts';
import { IPC_ERROR_CODES, err, type IpcResult } from '../shared/ipc/result.ts';
import type { ClientTransport } from '../shared/ipc/transport.ts';
import {
  ELECTRON_EVENT_CHANNEL_PREFIX,
  ELECTRON_REQUEST_CHANNEL_PREFIX,
} from '../shared/ipc/electron-channels.ts';

const ipcTransport: ClientTransport = {
  async invoke(channel, payload) {
    try {
      return (await ipcRenderer.invoke(
        ELECTRON_REQUEST_CHANNEL_PREFIX + channel,
        payload,
      )) as IpcResult<unknown>;
    } catch (error) {
      // Only reached if main has no handler at all (shutting down); handlers never throw.
      return err(IPC_ERROR_CODES.disconnected, String(error));
    }
  },
  listen(event, listener) {
    const channel = ELECTRON_EVENT_CHANNEL_PREFIX + event;
    // The IpcRendererEvent (with its sender) must not reach the page: pass the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

const api = createApi(ipcTransport);
contextBridge.exposeInMainWorld('api', api);

/** The renderer's `window.api`. */
export type Api = typeof api;
