import {defineConfig} from 'vitest/config';

// The components run in a browser, so jsdom is the default; the SSR test opts
// into the node environment with a file comment.
export default defineConfig({
  test: {
    name: 'react',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
