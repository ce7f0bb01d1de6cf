import {defineProject} from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // One test loads the mirror into real Pyodide; one reaches the real PyPI.
    testTimeout: 120_000,
  },
});
