import type { ContractApi } from '../shared/ipc/create-api.ts';

/**
 * `window.api` under Electron (exposed by src/preload/index.ts as `typeof api`, which is
 * `ContractApi`); under the browser host the renderer's transport builds the same object.
 */
declare global {
  interface Window {
    api?: ContractApi;
  }
}

export type Api = ContractApi;
