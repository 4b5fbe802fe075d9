/**
 * `node --import ./test/fakes/fake-electron/register.mjs out/main/index.js`: resolves the module id
 * `electron` to the recording fake, so the built main runs in plain Node under Node's own
 * ESM loader (which, unlike tsx, forgives no missing extension).
 */
import { register } from 'node:module';

register('./electron-resolve-hook.mjs', import.meta.url);
