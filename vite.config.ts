import { defineConfig } from 'vitest/config';

export default defineConfig({
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/reporters/plainTotals.ts'],
  },
});
