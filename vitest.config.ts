import {defineConfig} from 'vitest/config';

// One vitest run for the whole repo: each package (and the e2e suite) is a
// project with its own config, so `pnpm test` is a single command.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/runtime/vitest.jspi.config.ts', 'e2e/vitest.config.ts'],
  },
});
