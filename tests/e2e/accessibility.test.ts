// Every page of the app (client/src/lib/routes.ts), in English, French and Spanish, on a desktop
// (1280 px), at 200 % zoom (640 px) and on a phone or at 400 % zoom (320 px): axe-core finds nothing
// against WCAG 2.2 AA, no control is smaller than 24×24 CSS px (WCAG 2.5.8), and below 1280 px the
// page does not scroll sideways (WCAG 1.4.10): only the rooms grid and wide data tables may, each in
// its own box.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { moldovaProposal, summitAwaitingProposals } from '../factories/proposal.ts';
import { ADMIN_TOKEN } from '../support/app.ts';
import { skipBrowser, wcagViolations } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const S = '/summits/gfmd-2018';
const API = '/api/summits/gfmd-2018';
const FRIDAY = '2018-12-07';

/** The pages, by route name, as the support unit opens them (the ids are filled in once known). */
function supportUnitPages(ids: { proposal: number; consultation: number }): [string, string][] {
  return [
    ['summits', '/'],
    ['me', '/me'],
    ['allOutbox', '/outbox'],
    ['summit', S],
    ['programme (grid)', `${S}/programme/${FRIDAY}?view=grid`],
    ['programme (list)', `${S}/programme/${FRIDAY}?view=list`],
    ['session', `${S}/sessions/se-narratives`],
    ['sessionEdit', `${S}/sessions/se-narratives/edit`],
    ['sessionNew', `${S}/setup/new-session?day=${FRIDAY}`],
    ['setup', `${S}/setup`],
    ['setupList (rooms)', `${S}/setup/rooms`],
    ['setupList (segments)', `${S}/setup/segments`],
    ['setupList (delegations)', `${S}/setup/delegations?edit=MDA`],
    ['setupList (people)', `${S}/setup/people`],
    ['agenda', `${S}/delegations/MDA`],
    ['directory', `${S}/directory?q=Mor`],
    ['print', `${S}/print/${FRIDAY}`],
    ['print (doors)', `${S}/print/${FRIDAY}?sheets=doors`],
    ['outbox', `${S}/outbox`],
    ['roles', `${S}/roles`],
    ['audit', `${S}/audit`],
    ['plan', `${S}/plan`],
    ['proposals', `${S}/proposals`],
    ['proposalNew', `${S}/proposals/new`],
    ['proposal', `${S}/proposals/${ids.proposal}`],
    ['desk', `${S}/proposal-desk`],
    ['review', `${S}/proposal-desk/${ids.proposal}`],
    ['marketplace', `${S}/marketplace`],
    ['need', `${S}/marketplace/needs/mda-diaspora`],
    ['consultations', `${S}/marketplace/consultations`],
    ['consultation', `${S}/marketplace/consultations/${ids.consultation}`],
    ['marketTables', `${S}/marketplace/tables`],
    ['marketReport', `${S}/marketplace/report`],
    ['not-found', '/no-such-page'],
  ];
}
/** The pages a visitor who has not signed in sees. */
const visitorPages: [string, string][] = [
  ['signIn', '/sign-in'],
  ['verify', '/sign-in/verify?token=not-a-token'],
  ['summit (visitor)', S],
  ['programme (visitor)', `${S}/programme/${FRIDAY}?view=grid`],
];

const LOCALES = ['en-GB', 'fr-FR', 'es-ES'];
// 640 px is 1280 px at 200 % zoom (WCAG 1.4.4), 320 px a phone or 400 % zoom (WCAG 1.4.10).
const WIDTHS = [1280, 640, 320];

/** Controls smaller than 24×24 CSS px, as "tag “name” w×h". Links inside a sentence are exempt (WCAG 2.5.8, Inline). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inSentence = (el: Element) =>
      el.tagName === 'A' &&
      getComputedStyle(el).display === 'inline' &&
      [...(el.parentElement?.childNodes ?? [])].some(
        (n) => n !== el && n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])',
    );
    return [...controls].flatMap((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return [];
      if (getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden')) return [];
      if (box.width >= 23.5 && box.height >= 23.5) return [];
      if (inSentence(el)) return [];
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return [`${el.tagName.toLowerCase()} “${name}” ${Math.round(box.width)}×${Math.round(box.height)}`];
    });
  });
}

/** How far the page scrolls sideways, and the innermost elements that stick out ('' when it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    if (over <= 0) return '';
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(el),
    );
    const innermost = out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
    const names = innermost
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return `${over} px (${names.join(', ')})`;
  });

describe.skipIf(skipBrowser)('every page, in every language, at every width', () => {
  const env = supportUnitBrowser();
  const ids = { proposal: 0, consultation: 0 };

  it('sets up a summit with a submitted side-event proposal and a requested consultation', async () => {
    const post = (context: BrowserContext, path: string, csrf: string, data: object) =>
      context.request.post(`${env.server.base}${path}`, { data, headers: { 'x-csrf-token': csrf } });
    const imported = await post(
      env.context,
      '/api/summits/import?replace=true',
      env.csrfToken,
      summitAwaitingProposals('2099-09-28T23:59'),
    );
    expect(imported.status()).toBe(201);
    const chirita = await signedInAs(env, 'chirita@example.org');
    const draft = await post(chirita.context, `${API}/proposals`, chirita.csrfToken, moldovaProposal());
    expect(draft.status()).toBe(201);
    ids.proposal = (await draft.json()).id;
    const submitted = await post(
      chirita.context,
      `${API}/proposals/${ids.proposal}/submit`,
      chirita.csrfToken,
      {},
    );
    expect(submitted.status()).toBe(200);
    const requested = await post(chirita.context, `${API}/marketplace/consultations`, chirita.csrfToken, {
      need: 'mda-diaspora',
      as: 'ICMPD',
    });
    expect(requested.status()).toBe(201);
    ids.consultation = (await requested.json()).id;
    await chirita.context.close();
  });

  for (const locale of LOCALES) {
    for (const width of WIDTHS) {
      it(`has no WCAG 2.2 AA violation on any page in ${locale} at ${width} px`, {
        timeout: 300_000,
      }, async () => {
        const found: string[] = [];
        const signedIn = await env.browser.newContext({ locale, timezoneId: 'Asia/Kathmandu' });
        const visitor = await env.browser.newContext({ locale, timezoneId: 'Asia/Kathmandu' });
        const token = await signedIn.request.post(`${env.server.base}/api/auth/token`, {
          data: { token: ADMIN_TOKEN },
        });
        expect(token.status()).toBe(200);
        try {
          for (const [context, pages] of [
            [signedIn, supportUnitPages(ids)],
            [visitor, visitorPages],
          ] as const) {
            const page = await context.newPage();
            await page.setViewportSize({ width, height: 800 });
            page.on('pageerror', (e) => env.pageErrors.push(e.message));
            // A11Y_ONLY=<regex> narrows the pages, for working on one.
            for (const [name, path] of pages.filter(([n]) =>
              new RegExp(process.env.A11Y_ONLY ?? '').test(n),
            )) {
              await page.goto(`${env.server.base}${path}`);
              await page.waitForLoadState('networkidle');
              const heading = await page
                .locator('h1')
                .first()
                .waitFor({ timeout: 5000 })
                .then(
                  () => true,
                  () => false,
                );
              if (!heading) found.push(`${name}: no heading`);
              for (const v of await wcagViolations(page)) found.push(`${name}: ${v}`);
              for (const s of await smallTargets(page)) found.push(`${name}: small target ${s}`);
              if (width < 1280) {
                const over = await sideways(page);
                if (over) found.push(`${name}: scrolls sideways by ${over}`);
              }
            }
            await page.close();
          }
        } finally {
          await signedIn.close();
          await visitor.close();
        }
        expect(found).toEqual([]);
      });
    }
  }

  it('moves nothing for a reader who asks for reduced motion, even where a style sheet asks for some', async () => {
    const context = await env.browser.newContext({ reducedMotion: 'reduce', timezoneId: 'Asia/Kathmandu' });
    const token = await context.request.post(`${env.server.base}/api/auth/token`, {
      data: { token: ADMIN_TOKEN },
    });
    expect(token.status()).toBe(200);
    const page = await context.newPage();
    page.on('pageerror', (e) => env.pageErrors.push(e.message));
    await page.goto(`${env.server.base}${S}/programme/${FRIDAY}?view=grid`);
    await page.locator('.grid-event').first().waitFor();
    // Motion as a library's style sheet might bring it (a constructed sheet: the CSP lets it in).
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.grid-event { transition: background-color 2s; } .room-grid-scroll { scroll-behavior: smooth; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    // Every element's transitions and animations last no time, and nothing scrolls smoothly.
    const moving = await page.evaluate(() =>
      [document.documentElement, ...document.querySelectorAll('body *')].flatMap((el) => {
        const style = getComputedStyle(el);
        const longest = (list: string) =>
          Math.max(
            ...list.split(',').map((d) => Number.parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)),
          );
        const moves =
          longest(style.transitionDuration) > 1 ||
          longest(style.animationDuration) > 1 ||
          style.scrollBehavior === 'smooth';
        return moves ? [`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`] : [];
      }),
    );
    expect(moving).toEqual([]);
    await context.close();
  });

  it('names the rooms grid for its day and its rooms in each language, and announces no invented date', {
    timeout: 60_000,
  }, async () => {
    const names = {
      'en-GB': [
        'Rooms on Friday, 7 December 2018',
        'Sessions (times on the 24-hour clock, Africa/Casablanca)',
      ],
      'fr-FR': ['Salles le vendredi 7 décembre 2018', 'Sessions (heures au format 24 h, Africa/Casablanca)'],
      'es-ES': [
        'Salas el viernes, 7 de diciembre de 2018',
        'Sesiones (horas en formato de 24 horas, Africa/Casablanca)',
      ],
    };
    for (const [locale, [table, row]] of Object.entries(names)) {
      const context = await env.browser.newContext({ locale, timezoneId: 'Asia/Kathmandu' });
      const page = await context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(e.message));
      await page.goto(`${env.server.base}${S}/programme/${FRIDAY}?view=grid`);
      await page.locator('.grid-event').first().waitFor();
      expect(await page.locator('[role=table]').getAttribute('aria-label')).toBe(table);
      const grid = page.getByRole('table', { name: table, exact: true });
      // Each header says its room (the names themselves: programme.test.ts) in its label, its hidden
      // text read by screen readers and its visible text: the room, and nothing else.
      const headers = await grid
        .getByRole('columnheader')
        .evaluateAll((els) =>
          els.map((e): [string, string] => [e.getAttribute('aria-label') ?? '', e.textContent ?? '']),
        );
      expect(headers.length).toBe(8);
      expect(headers.map(([, text]) => text)).toEqual(headers.map(([label]) => label + label));
      await grid.getByRole('rowheader', { name: row, exact: true }).waitFor();
      // Neither the base date's year nor its month, in any text or label of the grid.
      const said = await grid.evaluate((el) =>
        [
          el.textContent ?? '',
          ...[...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
        ].join(' '),
      );
      expect(said).not.toMatch(/2000|January|janvier|enero/);
      await context.close();
    }
  });
});
