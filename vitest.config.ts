import {defineConfig} from 'vitest/config';

// One vitest run for the whole repo: each package (and the e2e suite) is a
// project with its own config, so `pnpm test` is a single command.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/runtime/vitest.jspi.config.ts', 'e2e/vitest.config.ts'],
    // The packages' tests, two files at a time (CI has 2 cores: 4.8 min instead
    // of 6.3); the e2e project runs after them, alone (its groupOrder).
    maxWorkers: 2,
  },
});
