import {useSyncExternalStore} from 'react';
import type {PythonCellLabels} from './PythonCellLabels.js';

/** Loads translations of the labels only a run shows (a site keeps them out of the page's first load). */
export type RunLabelsLoader = () => Promise<Partial<PythonCellLabels>>;

// Per loader (a site passes one module-level function): loaded on intent or
// Run with the run code (issue 13), kept for the life of the tab.
const loaded = new Map<RunLabelsLoader, Partial<PythonCellLabels>>();
const loading = new Map<RunLabelsLoader, Promise<void>>();
const listeners = new Set<() => void>();

/** Loads them once; a failure leaves the English ones (and says so in the console). */
export function loadRunLabels(loader: RunLabelsLoader | undefined): Promise<void> {
  if (!loader) return Promise.resolve();
  let pending = loading.get(loader);
  if (!pending) {
    pending = loader().then(
      (labels) => {
        loaded.set(loader, labels);
        for (const listener of Array.from(listeners)) listener();
      },
      (error: unknown) => {
        loading.delete(loader);
        console.warn('[pyodocs] the translated run labels could not be loaded; they stay English', error);
      },
    );
    loading.set(loader, pending);
  }
  return pending;
}

/** They have arrived (or there are none to load). */
export function runLabelsLoaded(loader: RunLabelsLoader | undefined): boolean {
  return !loader || loaded.has(loader);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const none = () => undefined;

/** The loaded translations, once they are (undefined before, on the server and while hydrating). */
export function useRunLabels(loader: RunLabelsLoader | undefined): Partial<PythonCellLabels> | undefined {
  return useSyncExternalStore(subscribe, loader ? () => loaded.get(loader) : none, none);
}
