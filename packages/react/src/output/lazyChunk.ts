import {type ComponentType, lazy, type LazyExoticComponent} from 'react';

/**
 * A component from a chunk of its own, and a way to start loading it early.
 * Once the chunk has arrived, the component renders at once, without
 * suspending (a thenable that resolves synchronously): no empty frame on
 * client-side navigation. A failed load is tried again by the next preload.
 */
export function lazyChunk<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): {Component: LazyExoticComponent<ComponentType<Props>>; preload(): Promise<ComponentType<Props>>} {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Component = lazy(() => {
    if (loaded) {
      const module = {default: loaded};
      // biome-ignore lint/suspicious/noThenProperty: a thenable React.lazy reads at once, on purpose (see above).
      return {then: (resolve: (value: typeof module) => void) => resolve(module)} as unknown as Promise<typeof module>;
    }
    return preload().then((component) => ({default: component}));
  });
  return {Component, preload};
}
