import {defineProject} from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime',
    include: ['test/**/*.test.ts'],
    // Rebuilds dist/*.js when src/ is newer: the Node tests run the bundled worker thread.
    globalSetup: ['test/globalSetup.ts'],
    // Real Pyodide: a worker start takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
