import {defineProject} from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime',
    include: ['test/**/*.test.ts'],
    // Run by vitest.jspi.config.ts, in a Node with JSPI switched on.
    exclude: ['test/jspi/**'],
    // Rebuilds dist/*.js when src/ is newer: the Node tests run the bundled worker thread.
    globalSetup: ['test/globalSetup.ts'],
    // Real Pyodide: a worker start takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
