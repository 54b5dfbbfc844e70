import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { axeViolations, launchBrowser, openPage, skipBrowser } from '../support/browser.ts';
import { system } from '../support/app.ts';
import { startE2eServer, type E2eServer } from '../support/e2e-server.ts';

// A session's event in the grid, not the conflict panel's link to it ("Open “…”").
const gridEvent = (title: string) => new RegExp(`^(?!Open )[^“]*${title}`);

describe.skipIf(skipBrowser)('the programme in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startE2eServer();
    base = server.base;
    // A summit in December 2026, when Chromium's tzdata and Node's ICU disagree on Casablanca.
    const file = smallSummitFile({
      summit: {
        ...smallSummitFile().summit,
        slug: 'casablanca-2026',
        startDate: '2026-12-10',
        endDate: '2026-12-10',
      },
    });
    file.segments = [];
    file.sessions = [
      { ...file.sessions![0]!, segment: undefined, start: '2026-12-10T10:00', end: '2026-12-10T11:15' },
    ];
    expect((await importSummit(server.database.db, system, file, { replace: false })).ok).toBe(true);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageErrors: string[] = [];
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });
  const open = (path: string, viewport?: { width: number; height: number }): Promise<Page> =>
    openPage(browser, base + path, pageErrors, viewport);

  it('shows the Orangeraie side event at 08:30 on Friday 7 December in the rooms grid', async () => {
    const page = await open('/summits/gfmd-2018/programme/2018-12-07?view=grid');
    await page.getByRole('heading', { name: 'Friday, 7 December 2018' }).waitFor();
    const event = page.getByRole('link', { name: gridEvent('What role for capacity building') });
    await event.waitFor();
    const headers = await page
      .getByRole('columnheader')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    // Every room of the summit, those without a session that day too.
    expect(headers).toEqual([
      'Palmeraie Plenary Hall',
      'Orangeraie Room',
      'Menara Room',
      'Agdal Room',
      'Atlas Room',
      'Majorelle Room',
      'Marketplace Table 1',
      'Marketplace Table 2',
    ]);
    await expect(event.textContent()).resolves.toBe(
      '08:30–09:45 What role for capacity building in turning the Global Compact on Migration into action? · Held in English',
    );
    // The event sits in the Orangeraie column.
    const [column, box] = await Promise.all([
      page.getByRole('columnheader', { name: 'Orangeraie Room' }).boundingBox(),
      event.boundingBox(),
    ]);
    expect(box!.x >= column!.x - 1 && box!.x + box!.width <= column!.x + column!.width + 1).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('filters the day by the language a session is held in and the interpretation offered, kept in the URL', async () => {
    const page = await open('/summits/gfmd-2018/programme/2018-12-05?view=list');
    const titles = () => page.locator('.day-list-title').allTextContents();
    await page.locator('.day-list-title').first().waitFor();
    await page.getByLabel('Held in', { exact: true }).selectOption({ label: 'French' });
    await page.waitForURL(/language=fr/);
    await expect
      .poll(titles)
      .toEqual([
        'Opening of the Eleventh GFMD Summit',
        "RT 1.2 Migrants' skills and resilience in countries of origin and destination",
      ]);
    await page.getByLabel('Interpretation into', { exact: true }).selectOption({ label: 'Arabic' });
    await page.waitForURL(/interpretation=ar/);
    await expect.poll(titles).toEqual(['Opening of the Eleventh GFMD Summit']);
    const meta = page.locator('.day-list-meta').first();
    await expect(meta.textContent()).resolves.toBe(
      'Plenary Palmeraie Plenary Hall · Held in English and French; interpretation into Spanish and Arabic',
    );
    // From the address alone, and in French: the languages named in the reader's language.
    await page.goto(`${base}/summits/gfmd-2018/programme/2018-12-05?view=list&language=es`);
    await page.evaluate(() => localStorage.setItem('locale', 'fr'));
    await page.reload();
    await expect.poll(titles).toEqual(['RT 2.2 Policy coherence for regional mobility']);
    await expect(page.locator('.day-list-meta').first().textContent()).resolves.toBe(
      'Table ronde Agdal Room · En espagnol ; interprétation en anglais et français',
    );
    await page.evaluate(() => localStorage.removeItem('locale'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("switches to the viewer's own zone (Asia/Kathmandu, +05:45)", async () => {
    const page = await open('/summits/gfmd-2018/programme/2018-12-07?view=list');
    // Chromium names the zone by its older alias, Asia/Katmandu.
    await page.getByRole('radio', { name: /^My time \(Asia\/Kat(h)?mandu\)$/ }).check();
    const item = page.getByRole('listitem').filter({ hasText: 'What role for capacity building' });
    await expect(item.locator('time').textContent()).resolves.toBe('13:15–14:30');
    await page.close();
  });

  it('opens the session page with participants by role, by keyboard alone', async () => {
    const page = await open('/summits/gfmd-2018/programme/2018-12-07?view=list');
    await page.getByRole('link', { name: gridEvent('What role for capacity building') }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Panellists' }).waitFor();
    const panellists = await page
      .getByRole('heading', { name: 'Panellists' })
      .locator('xpath=following-sibling::ul[1]/li')
      .allTextContents();
    expect(panellists).toEqual([
      'Paul Robert Tiendrebeogo, Minister of African Integration and Burkinabé Abroad, Burkina Faso',
      'Alberto Amador Leal, Director of Administration, National Institute of Migration, Mexico',
      'Souad Zaidi, Deputy Mayor for International Cooperation, City of Rabat; Member of Parliament, Morocco, City of Rabat',
      'Camilla Hagström, Deputy Head of Unit B3, Migration and Employment, DG DEVCO, European Commission',
      'Ralph Genetzke, MIEUX Programme Director, Head of the ICMPD Brussels Mission, International Centre for Migration Policy Development',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('offers the programme for download on the summit’s home page, each link a file of its type', async () => {
    const page = await open('/summits/gfmd-2018');
    const downloads = page.getByRole('region', { name: 'Download the programme' });
    const links = downloads.getByRole('link');
    await links.first().waitFor();
    const found = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(found).toEqual([
      [
        'Calendar (.ics): every published session, for Outlook, Google Calendar or a phone',
        '/api/summits/gfmd-2018/calendar.ics',
      ],
      ['Spreadsheet (.csv)', '/api/summits/gfmd-2018/schedule.csv'],
      ['Schedule XML (frab/pretalx), for conference apps', '/api/summits/gfmd-2018/schedule.xml'],
      ['Schedule JSON (frab/pretalx), for conference apps', '/api/summits/gfmd-2018/schedule.json'],
    ]);
    const types = await page.evaluate(
      async (hrefs) => {
        const answers = await Promise.all(hrefs.map((h) => fetch(h)));
        return answers.map((r) => [r.status, r.headers.get('content-type')]);
      },
      found.map(([, href]) => href!),
    );
    expect(types).toEqual([
      [200, 'text/calendar; charset=utf-8'],
      [200, 'text/csv; charset=utf-8'],
      [200, 'application/xml; charset=utf-8'],
      [200, 'application/json; charset=utf-8'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('prints a day as door sheets: a page per room with its published sessions, without the app’s frame', async () => {
    const page = await open('/summits/gfmd-2018/programme/2018-12-07?view=list');
    await page.getByRole('link', { name: 'Door sheets' }).click();
    await page.waitForURL('**/summits/gfmd-2018/print/2018-12-07?sheets=doors');
    const sheets = page.locator('.door-sheet');
    await sheets.first().waitFor();
    const rooms = await page.locator('.door-room').allTextContents();
    expect(rooms.length).toBeGreaterThan(1);
    expect(rooms).toContain('Orangeraie Room');
    const orangeraie = page.getByRole('region', { name: 'Orangeraie Room' });
    expect(await orangeraie.locator('.door-time').first().textContent()).toBe('08:30–09:45');
    expect(await orangeraie.locator('.door-title').first().textContent()).toBe(
      'What role for capacity building in turning the Global Compact on Migration into action?',
    );
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.app-header')!).display,
      breaks: [...document.querySelectorAll('.door-sheet')].map((s) => getComputedStyle(s).breakAfter),
    }));
    expect(printed.header).toBe('none');
    expect(printed.breaks).toEqual([...Array(rooms.length - 1).fill('page'), 'auto']);
    await page.emulateMedia({ media: 'screen' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'The day’s programme' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'What role for capacity building' });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['08:30–09:45', 'Orangeraie Room']);
    expect(cells[2]).toContain('Republic of Moldova');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('reads well on a phone: the list view by default, no horizontal scrolling', async () => {
    const page = await open('/summits/gfmd-2018/programme/2018-12-07', { width: 390, height: 844 });
    await page.getByRole('link', { name: gridEvent('What role for capacity building') }).waitFor();
    expect(await page.getByRole('radio', { name: 'List' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows summit times from the server's zone data, not Chromium's (Casablanca, December 2026)", async () => {
    const page = await open('/summits/casablanca-2026/programme/2026-12-10?view=list');
    const item = page.getByRole('listitem').filter({ hasText: 'What role for capacity building' });
    await expect(item.locator('time').textContent()).resolves.toBe('10:00–11:15');
    await page.close();
  });
});
