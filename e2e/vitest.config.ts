import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/**/*.test.ts'],
    globalSetup: ['src/globalSetup.ts'],
    // Real docusaurus builds and a real Chromium on a 2-core machine: one
    // file at a time, generous timeouts.
    fileParallelism: false,
    // After the packages' tests, never beside them: Chromium timings and
    // builds get the machine to themselves.
    sequence: {groupOrder: 1},
    testTimeout: 180_000,
    hookTimeout: 600_000,
    // What a page shows after an event: vitest's 1 s default for expect.poll
    // flaked under a loaded CI machine; a poll still ends as soon as it holds.
    expect: {poll: {timeout: 10_000}},
  },
});
