import type {PyodideClient} from '@pyodocs/runtime';
import {clientLedger, sharedLedger} from '../notebook/sessionLedgers.js';
import type {SessionLedger} from '../notebook/SessionLedger.js';
import type {PyodideSettings} from '../provider/PyodideContext.js';
import {prewarmClient} from '../provider/prewarmClient.js';
import {getSharedClient} from '../provider/sharedClients.js';

/** The provider's client: the caller's own, or the tab's shared one for its config (created now if needed; no worker yet). */
export function clientOf({client, clientKey}: PyodideSettings): PyodideClient {
  return client ?? getSharedClient(clientKey);
}

/** What ran in that client's Python (records per page and cell, execution counts), for the life of the tab. */
export function ledgerOf({client, clientKey}: PyodideSettings): SessionLedger {
  return client ? clientLedger(client) : sharedLedger(clientKey);
}

/** The reader showed intent to run: start Python now, if the site's `preload` allows it. */
export function prewarm(settings: PyodideSettings): void {
  if (settings.behaviour.preload !== 'off') prewarmClient(clientOf(settings));
}
