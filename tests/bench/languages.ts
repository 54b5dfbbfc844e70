// The client's cost of speaking three languages (issue 14): the bundle's size, gzip, as people
// download it (every script and style sheet of the build), and the time from choosing another
// language in the switch to the next frame painted in it, on the Friday rooms grid of the demo
// summit signed in as the support unit (the page with the most text): the first switch to each
// language (its messages compiled then) and the warm switches after, in Debian's Chromium.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { openPglite } from '../../server/db/client.ts';
import { loadDemoIfEmpty } from '../../server/demo/load-demo.ts';
import { createMailer } from '../../server/modules/mail/mailer.ts';
import { chromiumPath } from '../support/browser.ts';
import { buildClient } from '../support/client-build.ts';

const TOKEN = 'bench-admin-token-0123456789';
const SWITCHES = Number(process.env.BENCH_LANGUAGE_SWITCHES ?? 30);
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Every file of a built client with its size and gzip size (level 9, as a server would serve it). */
function bundle(dir: string): { js: number; css: number; total: number } {
  const files = (d: string): string[] =>
    readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
  const sizes = { js: 0, css: 0, total: 0 };
  for (const f of files(dir)) {
    if (!/\.(js|css|html)$/.test(f)) continue;
    const gz = gzipSync(readFileSync(f), { level: 9 }).length;
    if (f.endsWith('.js')) sizes.js += gz;
    if (f.endsWith('.css')) sizes.css += gz;
    sizes.total += gz;
  }
  return sizes;
}

export async function benchLanguages() {
  const clientDir = await buildClient();
  const size = bundle(clientDir);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const rows: Record<string, string | number>[] = [
    { measure: 'client bundle, gzip (scripts + styles + page)', value: kb(size.total), worst: '', runs: 1 },
    { measure: '  of which scripts', value: kb(size.js), worst: '', runs: 1 },
  ];
  if (!chromiumPath) {
    rows.push({ measure: 'language switch', value: 'skipped: no Chromium', worst: '', runs: 0 });
    return rows;
  }
  const database = await openPglite({ memory: true });
  await database.migrate();
  await loadDemoIfEmpty(database.db);
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  const base = `http://127.0.0.1:${port}`;
  const app = createApp({
    db: database.db,
    adminToken: TOKEN,
    clientDir,
    mailer: createMailer({ delivers: false, publicUrl: base }),
  });
  const server = await new Promise<import('node:http').Server>((r) => {
    const s = app.listen(port, '127.0.0.1', () => r(s));
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    await context.request.post(`${base}/api/auth/token`, { data: { token: TOKEN } });
    const page = await context.newPage();
    await page.goto(`${base}/summits/gfmd-2018/programme/2018-12-07?view=grid`);
    await page.getByRole('region', { name: /^Conflicts: / }).waitFor();
    await page.waitForLoadState('networkidle');
    /** Chooses `code` in the switch; the milliseconds until the frame after <html lang> says it. */
    // A string, not a function: tsx would name the inner arrows with a helper the page has not got.
    const choose = (code: string): Promise<number> =>
      page.evaluate(`(async () => {
        const select = [...document.querySelectorAll('select')].find((s) =>
          [...s.options].some((o) => o.value === 'es'));
        const t0 = performance.now();
        select.value = ${JSON.stringify(code)};
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((done) => {
          const check = () => document.documentElement.lang === ${JSON.stringify(code)}
            ? requestAnimationFrame(() => done()) : requestAnimationFrame(check);
          check();
        });
        return performance.now() - t0;
      })()`);
    const first = { fr: await choose('fr'), es: await choose('es') };
    const warm: number[] = [];
    for (let i = 0; i < SWITCHES; i++) warm.push(await choose(['en', 'fr', 'es'][i % 3]!));
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    rows.push(
      { measure: 'first switch to French (messages compiled)', value: ms(first.fr), worst: '', runs: 1 },
      { measure: 'first switch to Spanish (messages compiled)', value: ms(first.es), worst: '', runs: 1 },
      {
        measure: 'language switch, warm (median; worst)',
        value: ms(quantile(warm, 0.5)),
        worst: ms(Math.max(...warm)),
        runs: warm.length,
      },
    );
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    await database.close();
  }
  return rows;
}
