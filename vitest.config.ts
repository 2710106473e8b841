import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    globalSetup: ['test/support/temp-root.ts'],
    reporters: ['default', new SummaryReporter()],
  },
});
