// The pseudo-locale run (issue 14): every page walked with the catalogue accented and 30 % longer
// (client/src/locales/pseudo.ts), dates and numbers in Greek. What is left in plain Latin letters
// on a page, once the data the page fetched (names, titles, rooms…) is set aside, is English
// written into the code instead of the catalogue: the test lists it by page, and wants none.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../client/src/locales/index.ts';
import { skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const S = '/summits/gfmd-2018';
// The API's own sentences are English by design (the client writes its own from their fields):
// they are not data, so a page that shows one is caught.
const SENTENCE_FIELDS = new Set([
  'message',
  'reason',
  'reasons',
  'errors',
  'error',
  'why',
  'what',
  'changes',
]);

/** Every string in a JSON answer but the API's sentences: what the page may show as data. */
function dataStrings(value: unknown, into: Set<string>, field = ''): void {
  if (SENTENCE_FIELDS.has(field)) return;
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) dataStrings(v, into, field);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) dataStrings(v, into, k);
}

describe.skipIf(skipBrowser)('the pages in the pseudo-locale', () => {
  const env = supportUnitBrowser();
  const data = new Set<string>();

  async function pseudoContext(context: BrowserContext): Promise<BrowserContext> {
    await context.addInitScript(() => localStorage.setItem('locale', 'en-XA'));
    return context;
  }

  /** The plain-Latin words on the page at `path` that are neither catalogue text nor data. */
  async function leftovers(context: BrowserContext, path: string, ready?: (page: Page) => Promise<unknown>) {
    const page = await context.newPage();
    page.on('pageerror', (e) => env.pageErrors.push(e.message));
    page.on('response', async (r) => {
      if (!r.url().includes('/api/') || !(r.headers()['content-type'] ?? '').includes('json')) return;
      try {
        dataStrings(await r.json(), data);
      } catch {
        // a body already gone (a redirect, a page closed): nothing to learn from it
      }
    });
    try {
      await page.goto(`${env.server.base}${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('main').getByText('⟦').first().waitFor();
      await ready?.(page);
      // What a collapsed section holds (the slots that cannot be booked, and why) is read too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await page.waitForLoadState('networkidle');
      const texts = await page.evaluate(() => {
        // What is shown (innerText), not what is hidden from everyone.
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
        const out = [document.title, document.body.innerText];
        for (const el of document.querySelectorAll('*'))
          for (const a of [
            'aria-label',
            'title',
            'placeholder',
            'alt',
            'aria-description',
            'aria-roledescription',
          ])
            if (el.hasAttribute(a)) out.push(el.getAttribute(a)!);
        return out;
      });
      // Data first, longest first, so that a name inside a longer title goes with the title. The
      // languages of the switch are named in their own words; the viewer's zone is the browser's.
      const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      const known = [...data, env.server.base, zone, ...Object.values(LOCALES).map((l) => l.name)]
        .filter((s) => s.length >= 2)
        .sort((a, b) => b.length - a.length);
      const found = new Set<string>();
      for (let text of texts) {
        for (const d of known) if (text.includes(d)) text = text.split(d).join(' ');
        // A word with two plain letters in a row (an accented word has none).
        for (const m of text.matchAll(/[\p{L}'’-]*[A-Za-z]{2}[\p{L}'’-]*/gu)) found.add(m[0]);
      }
      return [...found].sort();
    } finally {
      await page.close();
    }
  }

  const supportPages = [
    '/',
    '/me',
    '/outbox',
    S,
    `${S}/programme/2018-12-07?view=grid`,
    `${S}/programme/2018-12-07?view=list`,
    `${S}/sessions/rt-1-1`,
    `${S}/sessions/rt-1-1/edit`,
    `${S}/setup/new-session?day=2018-12-07`,
    `${S}/setup`,
    `${S}/setup/rooms`,
    `${S}/setup/segments`,
    `${S}/setup/delegations`,
    `${S}/setup/people`,
    `${S}/delegations/MDA`,
    `${S}/directory`,
    `${S}/print/2018-12-07`,
    `${S}/outbox`,
    `${S}/roles`,
    `${S}/audit`,
    `${S}/plan`,
    `${S}/proposals`,
    `${S}/proposal-desk`,
    `${S}/marketplace`,
    `${S}/marketplace/needs/mda-diaspora`,
    `${S}/marketplace/consultations`,
    `${S}/marketplace/tables`,
    `${S}/marketplace/report`,
  ];

  it('leaves no English outside the catalogue on the support unit’s pages', async () => {
    await pseudoContext(env.context);
    const left: Record<string, string[]> = {};
    for (const path of supportPages) {
      const words = await leftovers(env.context, path);
      if (words.length) left[path] = words;
    }
    expect(left).toEqual({});
  }, 300_000);

  it('leaves no English outside the catalogue on a delegate’s and an organiser’s pages, nor on sign-in', async () => {
    const { context: chirita } = await signedInAs(env, 'chirita@example.org');
    const visitor = await env.browser.newContext({ timezoneId: 'Asia/Kathmandu' });
    try {
      await pseudoContext(chirita);
      await pseudoContext(visitor);
      const left: Record<string, string[]> = {};
      for (const [context, path] of [
        [chirita, `${S}/marketplace/needs/mda-diaspora`],
        [chirita, `${S}/marketplace/consultations`],
        [chirita, `${S}/proposals/new`],
        [chirita, '/me'],
        [visitor, '/sign-in'],
        [visitor, `${S}/programme/2018-12-07?view=list`],
      ] as const) {
        const words = await leftovers(context, path);
        if (words.length) left[path] = words;
      }
      expect(left).toEqual({});
    } finally {
      await chirita.close();
      await visitor.close();
    }
  }, 120_000);
});
