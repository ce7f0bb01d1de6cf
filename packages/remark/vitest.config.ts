import {defineProject} from 'vitest/config';

export default defineProject({
  test: {
    name: 'remark',
    include: ['test/**/*.test.ts'],
  },
});
