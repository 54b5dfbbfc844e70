// Builds the client once per test run into a temporary folder (a few seconds).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function buildClient(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'convene-client-')), 'client');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build (and JSX's
  // development runtime): the browser tests must drive the bundle people get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
