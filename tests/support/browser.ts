// Debian's Chromium driven by playwright-core (never a downloaded browser). Without Chromium the
// browser tests are skipped with a line saying so, unless REQUIRE_BROWSER=1 (CI) makes that a failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const chromiumPath = findChromium();
export const browserRequired = process.env.REQUIRE_BROWSER === '1';
if (!chromiumPath && !browserRequired) {
  console.warn(
    'Browser tests skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH).',
  );
}
export const skipBrowser = !chromiumPath && !browserRequired;

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath)
    throw new Error('REQUIRE_BROWSER=1 but Chromium is not installed (apt-get install -y chromium)');
  return chromium.launch({
    executablePath: chromiumPath,
    // Playwright refuses --user-data-dir here; the others keep Chromium off this machine's closed network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A new page at `url`, in the viewer's zone Asia/Kathmandu and British English. Script errors and
 * Content-Security-Policy violations land in `errors`, for the test to fail on.
 */
export async function openPage(
  where: Browser | BrowserContext,
  url: string,
  errors: string[],
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const page =
    'newContext' in where
      ? await where.newPage({ viewport, timezoneId: 'Asia/Kathmandu', locale: 'en-GB' })
      : await where.newPage();
  if (!('newContext' in where)) await page.setViewportSize(viewport);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return page;
}

const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core's violations on the page, as "rule (count)". */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run(),
  );
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

/** The WCAG 2.2 A and AA tags, the rules a page must pass. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations of WCAG 2.2 A/AA on the page, as "rule (count): the first elements". */
export async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(o: object): Promise<Result> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  }, WCAG_22_AA);
}

/** The texts a control's aria-describedby points at, and whether it is marked invalid. */
export const described = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid'),
    description: (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' | '),
  }));
