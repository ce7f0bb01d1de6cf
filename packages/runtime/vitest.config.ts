import {defineProject} from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime',
    include: ['test/**/*.test.ts'],
    // Run by vitest.jspi.config.ts, in a Node with JSPI switched on.
    exclude: ['test/jspi/**'],
    // Rebuilds dist/*.js when src/ is newer: the Node tests run the bundled worker thread.
    globalSetup: ['test/globalSetup.ts'],
    // Real Pyodide: a worker start takes a few seconds on an idle machine, but
    // tests that restart a worker wait for two starts, and on a loaded 2-core
    // runner one start took over 20 s: 30 s made those tests flaky.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
