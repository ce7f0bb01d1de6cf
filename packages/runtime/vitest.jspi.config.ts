import {defineProject} from 'vitest/config';

// input() without shared memory, through JSPI (Python pauses on a promise).
// Node 20 has JSPI only behind a V8 flag, and V8 flags are per process, so
// these tests get their own project: in the main one, Node without the flag
// stands for a browser without JSPI.
export default defineProject({
  test: {
    name: 'runtime-jspi',
    include: ['test/jspi/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    execArgv: ['--experimental-wasm-stack-switching'],
    // As vitest.config.ts: generous, for loaded runners.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
