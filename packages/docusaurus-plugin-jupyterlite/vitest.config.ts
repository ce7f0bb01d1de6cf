import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    name: 'docusaurus-plugin-jupyterlite',
    include: ['test/**/*.test.ts'],
  },
});
