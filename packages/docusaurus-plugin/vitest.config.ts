import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    name: 'docusaurus-plugin',
    include: ['test/**/*.test.ts'],
  },
});
