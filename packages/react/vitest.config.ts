import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

// The components run in a browser, so jsdom is the default; the SSR test opts
// into the node environment with a file comment.
export default defineConfig({
  // The browser's modules of package.json `imports`, from the sources.
  resolve: {
    alias: {
      '#outputBlocks': fileURLToPath(new URL('./src/output/outputBlocksOnDemand.ts', import.meta.url)),
      '#ansiSegments': fileURLToPath(new URL('./src/output/ansiSegmentsOnDemand.ts', import.meta.url)),
    },
  },
  test: {
    name: 'react',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
