// The rooms grid made safe for the support unit: Escape cancels a drag, a drop into a hard conflict
// asks first, a move can be undone; every room is a column and segments are bands.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { largeSummitFile } from '../factories/large-summit.ts';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { supportUnitBrowser } from './support-unit.ts';

const FRIDAY = '/summits/gfmd-2018/programme/2018-12-07?view=grid';
// A session's event in the grid, not the conflict panel's link to it ("Open “…”").
const gridEvent = (title: string) => new RegExp(`^(?!Open )[^“]*${title}`);

describe.skipIf(skipBrowser)('the rooms grid, safe to work on', () => {
  const env = supportUnitBrowser();

  /** Where a session stands, as the API says. */
  async function place(key: string) {
    const res = await env.context.request.get(`${env.server.base}/api/summits/gfmd-2018/sessions/${key}`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    return { room: body.room as string | undefined, start: body.start as string, end: body.end as string };
  }

  async function box(locator: Locator) {
    await locator.waitFor({ state: 'visible' });
    const found = await locator.boundingBox();
    if (!found) throw new Error(`${locator} is not visible`);
    return found;
  }

  /** Presses on the event, then moves (in steps) to a room's column at a summit time, pressed still. */
  async function dragTo(page: Page, event: Locator, room: string, time: string) {
    const from = await box(event);
    await page.mouse.move(from.x + from.width / 2, from.y + 8);
    await page.mouse.down();
    const column = await box(page.locator(`[role=columnheader][aria-label="${room}"]`));
    const slot = await box(page.getByText(time, { exact: true }).first());
    const to = { x: column.x + column.width / 2, y: slot.y + 4 };
    await page.mouse.move(to.x, to.y + 2, { steps: 12 });
    await page.mouse.move(to.x, to.y + 6, { steps: 4 });
  }

  async function open() {
    const page = await openPage(env.context, `${env.server.base}${FRIDAY}`, env.pageErrors, {
      width: 1400,
      height: 1800,
    });
    page.setDefaultTimeout(15000);
    // The grid is drawn again once the support unit's planning data makes it editable: drag after.
    await page.getByText(/^With the keyboard: Space on a session picks it up/).waitFor();
    return page;
  }
  const ATLAS_BREAKFAST = {
    room: 'atlas',
    start: '2018-12-07T08:00+01:00',
    end: '2018-12-07T09:00+01:00',
  };

  it('shows every room of the summit as a column, the segments as bands, and filters by room', async () => {
    const rooms = await (
      await env.context.request.get(`${env.server.base}/api/summits/gfmd-2018/rooms`)
    ).json();
    const page = await open();
    await page.getByRole('link', { name: gridEvent('Mobility partnerships in practice') }).waitFor();
    const headers = page.locator('[role=columnheader][aria-label]');
    await expect.poll(() => headers.count()).toBe(rooms.length);
    expect(rooms.length).toBe(8);
    // Friday's Majorelle Room has no session, and is a column all the same.
    await page.locator('[role=columnheader][aria-label="Majorelle Room"]').waitFor();
    await page
      .getByText('Side events (breakfast) · Marketplace (breakfast consultations)', { exact: true })
      .waitFor();
    await page.getByText('Special session on the Future of the Forum', { exact: true }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Menara Room' });
    await page.waitForURL(/room=menara/);
    await expect.poll(() => headers.count()).toBe(1);
    await page.locator('[role=columnheader][aria-label="Menara Room"]').waitFor();
    await page.close();
  });

  it('cancels a drag on Escape: nothing is saved and the session is back in its place', async () => {
    const page = await open();
    const event = page.getByRole('link', { name: gridEvent('Mobility partnerships in practice') });
    await dragTo(page, event, 'Majorelle Room', '09:00');
    // The ghost reads the time it would land at, and the preview floats without pushing the grid.
    const heading = page.getByRole('heading', { name: 'Friday, 7 December 2018' });
    const before = await box(heading);
    await expect
      .poll(() => page.locator('.grid-event-ghost .grid-event-time').textContent())
      .toMatch(/^(08:[45]\d|09:[01]\d)–(09:[45]\d|10:[01]\d)$/);
    await expect
      .poll(() => page.locator('.drop-preview p').first().textContent())
      .toMatch(/^Dropping here \(Majorelle Room, /);
    expect((await box(heading)).y).toBe(before.y);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect
      .poll(() => page.locator('.drop-preview p').textContent())
      .toBe('Move cancelled: the session stays where it was.');
    await expect.poll(() => event.textContent()).toContain('08:00–09:00');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await place('se-mobility-partnerships')).toEqual(ATLAS_BREAKFAST);
    await page.close();
  });

  it('asks before a drop that creates a hard conflict: Cancel keeps it, Confirm (with a reason) saves, Undo restores', async () => {
    const page = await open();
    const event = page.getByRole('link', { name: gridEvent('Mobility partnerships in practice') });
    await dragTo(page, event, 'Orangeraie Room', '09:00');
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: /^Move “Mobility partnerships in practice/ });
    await expect(dialog.getByRole('listitem').first().textContent()).resolves.toMatch(
      /^Orangeraie Room is booked twice on Fri 7 Dec (08:[45]\d|09:[01]\d)–09:45: "What role for capacity building/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => event.textContent()).toContain('08:00–09:00');
    expect(await place('se-mobility-partnerships')).toEqual(ATLAS_BREAKFAST);

    await dragTo(page, event, 'Orangeraie Room', '09:00');
    await page.mouse.up();
    // Published: the conflict is accepted by name, and only with a reason.
    await dialog.getByText('The session is published').waitFor();
    await dialog.getByRole('button', { name: 'Confirm the move' }).click();
    await dialog.getByText('Say why they are accepted.').waitFor();
    await dialog.getByLabel('Why accept them').fill('The Orangeraie is split in two that morning');
    await dialog.getByRole('button', { name: 'Confirm the move' }).click();
    const undo = page.getByRole('button', { name: /^Undo the move of “Mobility partnerships/ });
    await undo.waitFor();
    const moved = await place('se-mobility-partnerships');
    expect(moved.room).toBe('orangeraie');
    expect(moved.start).toMatch(/^2018-12-07T(08:[45]\d|09:[01]\d)\+01:00$/);
    await page.getByRole('region', { name: 'Conflicts: 2 hard, 2 soft' }).waitFor();

    // Undoing puts it back, through the same rule: back there it is again in Moldova's
    // over-commitment, which the move had cleared, so that is asked and accepted too.
    await undo.click();
    const back = page.getByRole('dialog', {
      name: /^Put “Mobility partnerships in practice.*” back to Atlas Room, 08:00–09:00\?$/,
    });
    await expect(back.getByRole('listitem').first().textContent()).resolves.toMatch(
      /^Republic of Moldova has 2 delegates but is committed to 3 sessions on Fri 7 Dec 08:30–09:00/,
    );
    await back.getByLabel('Why accept them').fill('As it was published');
    await back.getByRole('button', { name: 'Confirm the move' }).click();
    await expect.poll(() => place('se-mobility-partnerships')).toEqual(ATLAS_BREAKFAST);
    await page.getByRole('region', { name: 'Conflicts: 1 hard, 2 soft' }).waitFor();
    await expect.poll(() => undo.count()).toBe(0);
    await page.close();
  });

  it('undoes a move with Ctrl+Z', async () => {
    const page = await open();
    const event = page.getByRole('link', { name: gridEvent('Mobility partnerships in practice') });
    // Menara Room is free that morning and has what the session needs: nothing to confirm.
    await dragTo(page, event, 'Menara Room', '08:00');
    await page.mouse.up();
    await page.getByRole('button', { name: /^Undo the move of “Mobility partnerships/ }).waitFor();
    const moved = await place('se-mobility-partnerships');
    expect(moved.room).toBe('menara');
    await page.keyboard.press('Control+z');
    await expect.poll(() => place('se-mobility-partnerships')).toEqual(ATLAS_BREAKFAST);
    await page.close();
  });
  it('moves a session with the keyboard: Space, arrows, Enter; Escape puts it back; Tab follows time', async () => {
    const page = await open();
    const event = page.getByRole('link', { name: gridEvent('Mobility partnerships in practice') });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await event.focus();
    // Tab goes to the next session in time (08:15, Marketplace Table 1), not down the Atlas column.
    await page.keyboard.press('Tab');
    await expect.poll(focused).toMatch(/08:15–09:00 Marketplace: engaging the diaspora/);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toMatch(/08:00–09:00 Mobility partnerships/);

    // Escape puts it back.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatch(/08:15–09:15 Mobility partnerships/);
    await page.keyboard.press('Escape');
    await expect.poll(focused).toMatch(/08:00–09:00 Mobility partnerships/);
    await expect
      .poll(() => page.locator('.drop-preview p').textContent())
      .toBe('Move cancelled: the session stays where it was.');

    // Two rooms to the left, Atlas → Agdal → Menara, at the same time, and dropped.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // Only Moldova's over-commitment, which it is in already: nothing new to confirm.
    // Polled: each arrow redraws the preview when the page has handled it.
    await expect
      .poll(() => page.locator('.drop-preview p').first().textContent())
      .toBe('Dropping here (Menara Room, 08:00–09:00) would create:');
    await expect(page.locator('.drop-preview li').textContent()).resolves.toMatch(
      /^Republic of Moldova has 2 delegates but is committed to 3 sessions/,
    );
    await page.keyboard.press('Enter');
    const undo = page.getByRole('button', { name: /^Undo the move of “Mobility partnerships/ });
    await undo.waitFor();
    expect(await place('se-mobility-partnerships')).toEqual({ ...ATLAS_BREAKFAST, room: 'menara' });
    expect(await axeViolations(page)).toEqual([]);
    await undo.click();
    await expect.poll(() => place('se-mobility-partnerships')).toEqual(ATLAS_BREAKFAST);
    await page.close();
  });
});

describe.skipIf(skipBrowser)('the rooms grid at real scale', () => {
  const env = supportUnitBrowser();

  it('draws a 200-session, 15-room day with every room a column, and previews a drag over it (times printed with MEASURE_GRID=1)', async () => {
    const file = largeSummitFile(
      { sessions: 200, people: 400, delegations: 60, rooms: 15, sessionsPerDay: 200 },
      7,
      'scale',
    );
    file.segments = [
      {
        key: 'morning',
        kind: 'side_events',
        title: 'Side events',
        start: '2026-12-01T08:00',
        end: '2026-12-01T10:00',
      },
      {
        key: 'market',
        kind: 'marketplace',
        title: 'Marketplace',
        start: '2026-12-01T12:00',
        end: '2026-12-01T14:00',
      },
    ];
    const imported = await env.context.request.post(`${env.server.base}/api/summits/import`, {
      data: file,
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(imported.status()).toBe(201);
    const page = await openPage(
      env.context,
      `${env.server.base}/summits/scale/programme/2026-12-01?view=grid`,
      env.pageErrors,
      { width: 1600, height: 1000 },
    );
    page.setDefaultTimeout(20_000);
    // From navigation to the last of the 200 events drawn, in the page's own clock.
    await page.waitForFunction(() => document.querySelectorAll('.grid-event').length === 200, null, {
      timeout: 30_000,
    });
    const firstRender = await page.evaluate(() => performance.now());
    // The drag waits for the conflict engine's data (the grid is editable from then on).
    await page.getByRole('region', { name: /^Conflicts: / }).waitFor();
    expect(await page.locator('[role=columnheader][aria-label]').count()).toBe(15);

    // A drag: pressed on "Session 0" (Room 0, 08:00), then moved between two cells by synthetic
    // mouse moves, each timed from the move to its preview written (FullCalendar handles a move
    // synchronously), and to the next frame painted (the ghost redrawn).
    const event = page.getByRole('link', { name: /^(?!Open )[^“]*Session 0$/ });
    // Below the conflict panel: scrolled up to the top of the window first.
    await event.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const from = await event.boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + 8);
    await page.mouse.down();
    await page.mouse.move(from!.x + from!.width / 2 + 40, from!.y + 60, { steps: 6 });
    await page.locator('.drop-preview p').first().waitFor();
    // Each preview write timed from the mouse move that caused it, in the page's own clock.
    await page.evaluate(() => {
      const w = window as unknown as { lastMove: number; took: number[] };
      w.took = [];
      window.addEventListener('mousemove', () => (w.lastMove = performance.now()), true);
      new MutationObserver(() => w.took.push(performance.now() - w.lastMove)).observe(
        document.querySelector('.drop-preview')!,
        { childList: true },
      );
    });
    for (let i = 0; i < 20; i++) {
      await page.mouse.move(from!.x + 60 + 90 * (i % 7), from!.y + 40 + 25 * (i % 5));
      await page.waitForTimeout(50);
    }
    const times = await page.evaluate(() => {
      const took = (window as unknown as { took: number[] }).took;
      return { changed: took.length, written: [...took].sort((a, b) => a - b)[Math.floor(took.length / 2)]! };
    });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    // A measurement, not a goal (speed goals are the bench's): printed when asked for.
    if (process.env.MEASURE_GRID)
      console.log(
        `Grid, 200 sessions in 15 rooms: first render ${Math.round(firstRender)} ms after navigation; drag preview written ${times.written.toFixed(1)} ms after the mouse move (median of ${times.changed}).`,
      );
    expect(times.changed).toBeGreaterThan(10);
    await page.close();
  }, 90_000);
});
