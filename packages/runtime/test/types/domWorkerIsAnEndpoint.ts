// Compiled by tsconfig.browser.json only (DOM lib): a browser Worker must be
// usable as `createWorker` without an adapter.
import type {WorkerEndpoint} from '../../src/index.js';

export const createWorker = (url: URL): WorkerEndpoint => new Worker(url, {type: 'module'});
