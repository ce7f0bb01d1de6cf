// The Node endpoint runs dist/node-worker.js (a thread needs JavaScript), so
// bundle it (and dist/worker.js) before the tests when src/ changed since.
// `pnpm build` has usually done it already; then nothing is rewritten.
export default async function setup(): Promise<void> {
  // @ts-expect-error -- plain .mjs build script without type declarations
  const bundles = (await import('../scripts/workerBundles.mjs')) as {
    generateKernelSource(): void;
    bundlesAreStale(): boolean;
    bundleWorkers(): Promise<void>;
  };
  bundles.generateKernelSource();
  if (bundles.bundlesAreStale()) await bundles.bundleWorkers();
}
