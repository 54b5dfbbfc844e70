// The programme at real scale for the support unit: filters by kind and delegation (in the URL,
// for the grid and the list), a legend naming every mark, headers and times kept in view while the
// grid scrolls both ways, and a compact list a visible toggle away.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { supportUnitBrowser } from './support-unit.ts';

const FRIDAY = '/summits/gfmd-2018/programme/2018-12-07';
const MOBILITY = "Mobility partnerships in practice: lessons from the EU's neighbourhood";
const CAPACITY = 'What role for capacity building in turning the Global Compact on Migration into action?';
const DIASPORA = 'Marketplace: engaging the diaspora in local development (Republic of Moldova)';
const FUTURE = 'Special session on the Future of the Forum: the GFMD Review 2018';
const CLOSING = 'Roundtable reports and closing of the Eleventh GFMD Summit';

describe.skipIf(skipBrowser)('the programme at real scale', () => {
  const env = supportUnitBrowser();

  async function open(search: string, size = { width: 1400, height: 1000 }) {
    const page = await openPage(env.context, `${env.server.base}${FRIDAY}${search}`, env.pageErrors, size);
    page.setDefaultTimeout(15000);
    return page;
  }
  /**
   * The grid's titles, sorted, once they are those expected; waiting as long as the page's own
   * timeout (expect.poll's default, one second, is less than a first load of the grid takes on a
   * busy machine).
   */
  async function titles(page: Page, selector: string, expected: string[]) {
    const found = page.locator(selector);
    await expect
      .poll(async () => (await found.evaluateAll((els) => els.map((e) => e.textContent ?? ''))).sort(), {
        timeout: 15_000,
      })
      .toEqual([...expected].sort());
  }
  async function box(locator: Locator) {
    await locator.waitFor({ state: 'visible' });
    const found = await locator.boundingBox();
    if (!found) throw new Error(`${locator} is not visible`);
    return found;
  }

  it('filters the grid by kind and by delegation (directly or through its people), kept in the URL', async () => {
    const page = await open('?view=grid');
    await page.getByText(/^With the keyboard: Space on a session picks it up/).waitFor();
    await titles(page, '.room-grid .grid-event-title', [MOBILITY, CAPACITY, DIASPORA, FUTURE, CLOSING]);

    await page.getByLabel('Kind of session', { exact: true }).selectOption({ label: 'Side event' });
    await page.waitForURL(/kind=side_event/);
    await titles(page, '.room-grid .grid-event-title', [MOBILITY, CAPACITY]);

    await page.getByLabel('Kind of session', { exact: true }).selectOption({ label: 'Any' });
    // Germany names the special session itself, and the closing plenary through its minister.
    await page.locator('#programme-delegation').selectOption({ label: 'Federal Republic of Germany' });
    await page.waitForURL(/delegation=DEU/);
    expect(page.url()).not.toMatch(/kind=/);
    await titles(page, '.room-grid .grid-event-title', [FUTURE, CLOSING]);
    // Every room stays a column: a filtered session can still be dragged into an empty room.
    await expect.poll(() => page.locator('[role=columnheader][aria-label]').count()).toBe(8);

    await page.getByLabel('Kind of session', { exact: true }).selectOption({ label: 'Plenary' });
    await page.waitForURL(/kind=plenary/);
    await titles(page, '.room-grid .grid-event-title', [CLOSING]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('filters the list the same way, from the URL, with a person standing for their delegation', async () => {
    // Mexico is named only through its delegate on the capacity building side event.
    const page = await open('?view=list&delegation=MEX');
    await titles(page, '.day-list-title', [CAPACITY]);
    await page.locator('#programme-delegation').selectOption({ label: 'Switzerland' });
    await page.waitForURL(/delegation=CHE/);
    await titles(page, '.day-list-title', [DIASPORA, CLOSING]);
    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Palmeraie Plenary Hall' });
    await page.waitForURL(/room=palmeraie/);
    await titles(page, '.day-list-title', [CLOSING]);
    await page.getByLabel('Kind of session', { exact: true }).selectOption({ label: 'Meeting' });
    await page.getByText('No session of this day matches the filters.', { exact: true }).waitFor();
    await page.close();
  });

  it('names every mark of the grid in the legend', async () => {
    const page = await open('?view=grid');
    await page.getByText(/^With the keyboard: Space on a session picks it up/).waitFor();
    // The marks present on Friday: conflict frames (the Moldova marketplace clashes) and bands.
    await page.locator('.grid-event.has-hard').first().waitFor();
    await page
      .getByText('Side events (breakfast) · Marketplace (breakfast consultations)', { exact: true })
      .waitFor();
    const legend = page.getByRole('region', { name: 'Legend', exact: true });
    await legend.getByText('Segment window (side events, Marketplace…)', { exact: true }).waitFor();
    expect(await legend.locator('li').evaluateAll((els) => els.map((e) => e.textContent?.trim()))).toEqual([
      'Plenary',
      'Roundtable',
      'Side event',
      'Marketplace consultation',
      'Special session',
      'Meeting',
      '⚠ Session with a hard conflict (red frame)',
      '• Session with a soft conflict (dashed frame)',
      'Segment window (side events, Marketplace…)',
    ]);
    await page.close();
  });

  it('shows the public only the marks it sees, and says when the filters match no session', async () => {
    const context = await env.browser.newContext({ timezoneId: 'Asia/Kathmandu', locale: 'en-GB' });
    const page = await openPage(
      context,
      `${env.server.base}${FRIDAY}?view=grid&kind=meeting`,
      env.pageErrors,
      {
        width: 1400,
        height: 1000,
      },
    );
    await page.getByText('No session of this day matches the filters.', { exact: true }).waitFor();
    const legend = page.getByRole('region', { name: 'Legend', exact: true });
    await legend.getByText('Segment window (side events, Marketplace…)', { exact: true }).waitFor();
    expect(await legend.locator('li').evaluateAll((els) => els.map((e) => e.textContent?.trim()))).toEqual([
      'Plenary',
      'Roundtable',
      'Side event',
      'Marketplace consultation',
      'Special session',
      'Meeting',
      'Segment window (side events, Marketplace…)',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps the rooms’ headers and the times in view while the grid scrolls down and sideways', async () => {
    const page = await open('?view=grid', { width: 900, height: 500 });
    await page.getByText(/^With the keyboard: Space on a session picks it up/).waitFor();
    const scroller = page.locator('.room-grid-scroll');
    const frame = await box(scroller);
    const sizes = await scroller.evaluate((el) => ({
      overflowX: el.scrollWidth - el.clientWidth,
      overflowY: el.scrollHeight - el.clientHeight,
    }));
    // Eight rooms do not fit in 900 px, nor the morning in 500: it scrolls both ways.
    expect(sizes.overflowX).toBeGreaterThan(200);
    expect(sizes.overflowY).toBeGreaterThan(150);
    const header = page.locator('[role=columnheader][aria-label="Palmeraie Plenary Hall"]');
    const before = await box(header);
    const label = page.locator('.grid-time', { hasText: /^09:00$/ });
    const labelBefore = await box(label);

    await scroller.evaluate((el) => el.scrollTo({ top: 150 }));
    const afterDown = await box(header);
    expect(Math.abs(afterDown.y - before.y)).toBeLessThan(2);
    expect(afterDown.y).toBeGreaterThanOrEqual(frame.y - 1);
    expect((await box(label)).y).toBeLessThan(labelBefore.y - 140);

    await scroller.evaluate((el) => el.scrollTo({ left: 300 }));
    const afterSideways = await box(label);
    // The times stay at the grid's start; the rooms' headers moved left, still at the top.
    expect(Math.abs(afterSideways.x - labelBefore.x)).toBeLessThan(2);
    const moved = await box(page.locator('[role=columnheader][aria-label="Atlas Room"]'));
    expect(Math.abs(moved.y - before.y)).toBeLessThan(2);
    expect(moved.x).toBeGreaterThan(afterSideways.x + afterSideways.width - 1);
    await page.close();
  });

  it('switches to a compact list with the visible toggle, keeping the filters', async () => {
    const page = await open('?view=grid&kind=side_event');
    await titles(page, '.room-grid .grid-event-title', [MOBILITY, CAPACITY]);
    await page.getByRole('radio', { name: 'List', exact: true }).check();
    await page.waitForURL(/view=list/);
    expect(page.url()).toMatch(/kind=side_event/);
    await titles(page, '.day-list-title', [MOBILITY, CAPACITY]);
    // A session a line at desktop size: time, title, kind and room side by side.
    const item = await box(page.locator('.day-list-item', { hasText: 'Mobility partnerships' }));
    expect(item.height).toBeLessThan(40);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Rooms grid', exact: true }).check();
    await page.waitForURL(/view=grid/);
    await titles(page, '.room-grid .grid-event-title', [MOBILITY, CAPACITY]);
    await page.close();
  });
});
