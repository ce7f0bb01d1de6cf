import {defineProject} from 'vitest/config';

export default defineProject({
  test: {
    name: 'build',
    include: ['test/**/*.test.ts'],
    // One test starts the real Pyodide (a few seconds).
    testTimeout: 60_000,
  },
});
