import {defineConfig} from 'vitest/config';

// One vitest run for the whole repo: each package (and the e2e suite) is a
// project with its own config, so `pnpm test` is a single command.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/runtime/vitest.jspi.config.ts', 'e2e/vitest.config.ts'],
    // One file at a time (vitest's default on 2 cores, said here on purpose):
    // two at a time saved 1.5 min of CI but widened the windows of the tests
    // that stop Python at a given moment. The e2e project runs after the
    // packages' tests (its groupOrder).
    maxWorkers: 1,
  },
});
