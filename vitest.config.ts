import { defineConfig } from 'vitest/config';

// Tests run in Asia/Kathmandu (+05:45): code that formats a time in the process's zone instead of
// the summit's gets a quarter-hour wrong and fails loudly.
process.env.TZ = 'Asia/Kathmandu';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    env: { TZ: 'Asia/Kathmandu' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
