import {type ComponentType, lazy, type LazyExoticComponent} from 'react';

// Code loaded on demand, in chunks of its own (issue 13): the run code
// (live/loadLiveCode.ts), the saved edits' code
// (persistence/loadSavedEditsIO.ts) and the components of lazyChunk below.
// One module for both, not one each: a module is bytes of its own on every
// page with cells.

/**
 * A tuple, not an object: property names survive minification, and this is
 * in the code of every page with cells.
 */
export type OnDemandModule<Module> = readonly [
  /** The module, loading it if needed: one load at a time, and a failed load is tried again by the next call (the reader may be back online). */
  load: () => Promise<Module>,
  /** The module if it has arrived: what must happen at once, or render without suspending, uses it then. */
  loaded: () => Module | undefined,
  /** A load failed and none has succeeded since (offline, a deploy that removed the chunk). */
  failed: () => boolean,
  /** Calls `listener` when the module arrives (for `useSyncExternalStore`, with `loaded`); returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void,
];

/**
 * One cached load of `importModule`, for the module's life (that is, the
 * tab's). `importModule` holds the dynamic import itself, with a literal
 * path, in the file of the code that needs it: webpack splits the chunk at
 * that call and names it by its `webpackChunkName`, and the plugin's cache
 * groups sort chunks by who loads them (docusaurus-plugin's cellsChunk.ts).
 */
export function onDemandModule<Module>(importModule: () => Promise<Module>): OnDemandModule<Module> {
  let module: Module | undefined;
  let loading: Promise<Module> | undefined;
  let failed = false;
  const listeners = new Set<() => void>();
  return [
    () => {
      loading ??= importModule().then(
        (arrived) => {
          module = arrived;
          failed = false;
          for (const listener of Array.from(listeners)) listener();
          return arrived;
        },
        (error: unknown) => {
          loading = undefined;
          failed = true;
          throw error;
        },
      );
      return loading;
    },
    () => module,
    () => failed,
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  ];
}

/**
 * A component from a chunk of its own, and a way to start loading it early.
 * Once the chunk has arrived, the component renders at once, without
 * suspending (a thenable that resolves synchronously): no empty frame on
 * client-side navigation. A failed load is tried again by the next preload.
 */
export function lazyChunk<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): {Component: LazyExoticComponent<ComponentType<Props>>; preload(): Promise<ComponentType<Props>>} {
  const [preload, loaded] = onDemandModule(load);
  const Component = lazy(() => {
    const component = loaded();
    if (component) {
      const module = {default: component};
      // biome-ignore lint/suspicious/noThenProperty: a thenable React.lazy reads at once, on purpose (see above).
      return {then: (resolve: (value: typeof module) => void) => resolve(module)} as unknown as Promise<typeof module>;
    }
    return preload().then((arrived) => ({default: arrived}));
  });
  return {Component, preload};
}
