/**
 * Electron channel names are prefixed so that our contract never collides with Electron's
 * own or a library's channels, and so main can refuse anything outside the contract.
 */
export const ELECTRON_REQUEST_CHANNEL_PREFIX = 'alpha-monitor:req:';
export const ELECTRON_EVENT_CHANNEL_PREFIX = 'alpha-monitor:evt:';
