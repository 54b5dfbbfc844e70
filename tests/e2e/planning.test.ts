import type { Locator, Page } from 'playwright-core';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../server/db/schema.ts';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { pileSummitFile } from '../factories/pile.ts';
import { placementWordsFile } from '../factories/placement.ts';
import { supportUnitBrowser } from './support-unit.ts';

// A session's event in the grid, not the conflict panel's link to it ("Open “…”").
const gridEvent = (title: string) => new RegExp(`^(?!Open )[^“]*${title}`);

describe.skipIf(skipBrowser)('the support unit at the programme grid', () => {
  const env = supportUnitBrowser();

  async function box(locator: Locator) {
    const found = await locator.boundingBox();
    if (!found) throw new Error(`${locator} is not visible`);
    return found;
  }

  /** The centre of the grid cell for a room at a summit time. */
  async function cell(page: Page, room: string, time: string): Promise<{ x: number; y: number }> {
    const column = await box(page.locator(`[role=columnheader][aria-label="${room}"]`));
    const slot = await box(page.getByText(time, { exact: true }).first());
    return { x: column.x + column.width / 2, y: slot.y + 4 };
  }

  it('fetches the rooms once for both the grid and the conflict engine', async () => {
    const page = await env.context.newPage();
    page.on('pageerror', (e) => env.pageErrors.push(e.message));
    // Finished requests only: a request aborted by a re-render is not a second fetch.
    const rooms: string[] = [];
    page.on('requestfinished', (r) => {
      if (new URL(r.url()).pathname === '/api/summits/gfmd-2018/rooms') rooms.push(r.method());
    });
    await page.goto(`${env.server.base}/summits/gfmd-2018/programme/2018-12-07?view=list`);
    await page.getByRole('region', { name: 'Conflicts: 1 hard, 2 soft' }).waitFor();
    await page.getByRole('link', { name: gridEvent('What role for capacity building') }).waitFor();
    expect(rooms).toEqual(['GET']);
    await page.close();
  });

  it('pages through a piled-up report a hundred at a time, with counts of all of it', async () => {
    const file = pileSummitFile({ slots: 3, perSlot: 40 });
    const imported = await env.context.request.post(`${env.server.base}/api/summits/import`, {
      data: file,
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(imported.status()).toBe(201);
    const page = await openPage(env.context, `${env.server.base}/summits/pile/plan`, env.pageErrors);
    const panel = page.getByRole('region', { name: 'Conflicts: 4,683 hard, 0 soft' });
    await panel.getByText('Conflicts 1–100 of 4,683').waitFor();
    await panel.getByText('Person in two places (2,340)').waitFor();
    await panel.getByRole('button', { name: 'Next 100' }).click();
    await panel.getByText('Conflicts 101–200 of 4,683').waitFor();
    await panel.getByRole('button', { name: 'Previous page' }).click();
    await panel.getByText('Conflicts 1–100 of 4,683').waitFor();
    expect(await panel.getByRole('listitem').count()).toBe(100);
    await page.close();
  });

  it('sees the conflicts, and the conflicts a drag would create before the drop', async () => {
    // Tall enough for the whole Friday morning: a drag ends where the pointer is, inside the window.
    const page = await openPage(
      env.context,
      `${env.server.base}/summits/gfmd-2018/programme/2018-12-07?view=grid`,
      env.pageErrors,
      { width: 1400, height: 1800 },
    );
    const panel = page.getByRole('region', { name: 'Conflicts: 1 hard, 2 soft' });
    await panel.waitFor();
    await expect(panel.getByRole('listitem').first().textContent()).resolves.toContain(
      'Republic of Moldova has 2 delegates but is committed to 3 sessions on Fri 7 Dec 08:30–09:00',
    );
    // Each conflict links to its sessions by their titles, never their keys.
    const links = panel.getByRole('listitem').first().getByRole('link');
    await links.first().waitFor();
    expect((await links.allTextContents()).every((text) => /^Open “[^”]+”$/.test(text))).toBe(true);
    expect(await links.allTextContents()).toContain(
      'Open “What role for capacity building in turning the Global Compact on Migration into action?”',
    );
    const marked = page.getByRole('link', {
      name: /^1 conflict 08:30–09:45 What role for capacity building/,
    });
    await marked.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Drag the Atlas breakfast (08:00-09:00) onto the Orangeraie Room at 09:00: before dropping,
    // the grid says what it would break.
    const event = page.getByRole('link', { name: gridEvent('Mobility partnerships in practice') });
    const from = await box(event);
    await page.mouse.move(from.x + from.width / 2, from.y + 8);
    await page.mouse.down();
    const to = await cell(page, 'Orangeraie Room', '09:00');
    await page.mouse.move(to.x, to.y + 2, { steps: 12 });
    await page.mouse.move(to.x, to.y + 6, { steps: 4 });
    const preview = page.locator('.drop-preview');
    // Where exactly it lands depends on where the event was grabbed: within minutes of 09:00.
    await expect(preview.locator('p').textContent()).resolves.toMatch(
      /^Dropping here \(Orangeraie Room, (08:[45]\d|09:[01]\d)–(09:[45]\d|10:[01]\d)\) would create:$/,
    );
    const items = await preview.locator('li').allTextContents();
    expect(
      items.filter((m) =>
        /^Orangeraie Room is booked twice on Fri 7 Dec (08:[45]\d|09:[01]\d)–09:45: "What role for capacity building/.test(
          m,
        ),
      ),
    ).toHaveLength(1);
    await page.mouse.up();
    // The drop would put the session in a new hard conflict: the grid asks first, naming it; Cancel
    // puts the session back (grid-safety.test.ts follows the rest).
    const dialog = page.getByRole('dialog', { name: /^Move “Mobility partnerships in practice/ });
    await expect(dialog.getByRole('listitem').first().textContent()).resolves.toMatch(
      /^Orangeraie Room is booked twice on Fri 7 Dec (08:[45]\d|09:[01]\d)–09:45: "What role for capacity building/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('region', { name: 'Conflicts: 1 hard, 2 soft' }).waitFor();
    await expect.poll(() => event.textContent()).toContain('08:00–09:00');
    await page.close();
  });
});

describe.skipIf(skipBrowser)('the support unit resolving and publishing', () => {
  const env = supportUnitBrowser();

  it("applies a proposed move to clear Moldova's over-commitment, then publishes", async () => {
    const page = await openPage(
      env.context,
      `${env.server.base}/summits/gfmd-2018/sessions/mp-mda-diaspora`,
      env.pageErrors,
    );
    await page.getByRole('heading', { name: 'Moves that clear its hard conflicts' }).waitFor();
    const moves = page
      .getByRole('heading', { name: 'Moves that clear its hard conflicts' })
      .locator('xpath=following-sibling::ol[1]/li');
    await expect(moves.first().textContent()).resolves.toBe(
      'Marketplace Table 1, 09:00–09:45 (cost 45) Move here',
    );
    expect(await axeViolations(page)).toEqual([]);
    await moves.first().getByRole('button', { name: 'Move here' }).click();
    await page.getByText('This session is in no conflict.').waitFor();
    // The session's new time shows once its page is read again: wait for it, then count it.
    const newTime = page.getByText(/^Friday, 7 December 2018, 09:00–09:45/);
    await newTime.first().waitFor();
    await expect(newTime.count()).resolves.toBe(1);

    await page.goto(`${env.server.base}/summits/gfmd-2018/plan`);
    await page.getByRole('region', { name: 'Conflicts: 0 hard, 2 soft' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publish the programme' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      '21 sessions published. Release 1: 36 calendar invitations (or cancellations) are on their way to the people concerned, through the outbox.',
    );
    await page.close();
  });

  it('shows, on a session, who answered its invitation through the link in the mail', async () => {
    // Daniela Morari's invitation, as the outbox holds it: its session, and its "accept" link.
    const [mail] = await env.server.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'invite_request'), eq(outbox.recipient, 'morari@example.org')))
      .orderBy(asc(outbox.id))
      .limit(1);
    const session = /\/summits\/gfmd-2018\/sessions\/([\w.~:-]+)/.exec(mail!.bodyText)![1]!;
    const accept = /(\/api\/rsvp\/\S+\?answer=accepted)/.exec(mail!.bodyText)![1]!;
    // She opens it without signing in, and confirms on the page it shows.
    const mailbox = await env.browser.newContext();
    const answer = await openPage(mailbox, `${env.server.base}${accept}`, env.pageErrors);
    await answer.getByRole('button').click();
    await answer.waitForLoadState();
    await mailbox.close();

    const page = await openPage(
      env.context,
      `${env.server.base}/summits/gfmd-2018/sessions/${session}`,
      env.pageErrors,
    );
    const answers = page.getByRole('region', { name: 'Answers to the invitations' });
    await answers.getByText('Daniela Morari is coming.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(skipBrowser)('the support unit proposing a placement', () => {
  const env = supportUnitBrowser();

  it('sees placement running within the limit chosen and how far it got, then how many it placed, that no arrangement places more, and why each other one was not', async () => {
    const imported = await env.context.request.post(`${env.server.base}/api/summits/import`, {
      data: placementWordsFile(),
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(imported.status()).toBe(201);
    const page = await openPage(
      env.context,
      `${env.server.base}/summits/placement-words/plan`,
      env.pageErrors,
    );
    // The request is held until the page has been seen saying that placement is running.
    const sent: unknown[] = [];
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/summits/placement-words/place', async (route) => {
      sent.push([route.request().headers().accept, route.request().postDataJSON()]);
      await held;
      await route.continue();
    });
    // The streamed answer reaches the page up to its first line, the rest once the test has seen
    // that line's progress: placement here takes a fraction of a second.
    await page.evaluate(() => {
      const realFetch = window.fetch;
      const w = window as unknown as { releaseRest: () => void };
      window.fetch = async (input, init) => {
        const res = await realFetch(input, init);
        if (!String(input).endsWith('/place') || !res.body) return res;
        const reader = res.body.getReader();
        const released = new Promise<void>((r) => {
          w.releaseRest = r;
        });
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            void (async () => {
              const rest: Uint8Array[] = [];
              for (;;) {
                const { done, value } = await reader.read();
                if (done) break;
                const newline = rest.length ? -1 : value.indexOf(10);
                if (rest.length) rest.push(value);
                else if (newline < 0) controller.enqueue(value);
                else {
                  controller.enqueue(value.subarray(0, newline + 1));
                  rest.push(value.subarray(newline + 1));
                }
              }
              await released;
              for (const piece of rest) controller.enqueue(piece);
              controller.close();
            })();
          },
        });
        return new Response(body, { status: res.status, headers: res.headers });
      };
    });
    const section = page.getByRole('region', { name: 'Propose a placement' });
    await section.getByLabel('Time limit').selectOption('10');
    await section.getByRole('button', { name: 'Propose a placement' }).click();
    await section.getByText('Placing… it takes at most 10 seconds.').waitFor();
    await section.getByRole('progressbar', { name: 'Time used' }).waitFor();
    release();
    // The heuristic's answer: both that fit, with its own bound (the solver proves 2 after it).
    await section.getByText('Placed so far: 2 of 5. No arrangement can place more than 3.').waitFor();
    await page.evaluate(() => (window as unknown as { releaseRest: () => void }).releaseRest());
    await section.getByText('2 of 5 placed. No arrangement can place more than 2.').waitFor();
    expect(sent).toEqual([['application/x-ndjson', { stepMinutes: 15, timeLimitMs: 10_000 }]]);
    expect(
      await section.getByRole('list', { name: 'Not placed' }).getByRole('listitem').allTextContents(),
    ).toEqual([
      '"Youth and migration": its moderator Daniela Morari is busy at every time it could take.',
      '"Global Compact town hall": no room seats 500.',
      '"Labour mobility partnerships in the Mediterranean": every room and time it could take is taken by sessions placed here: "Diaspora bonds for development finance".',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // The same reasons in the reader's language, from their `why`.
    await page.getByLabel('Language').selectOption('es');
    const sinAsignar = page.getByRole('list', { name: 'Sin asignar' });
    await sinAsignar.waitFor();
    expect(await sinAsignar.getByRole('listitem').allTextContents()).toEqual([
      '«Youth and migration»: Daniela Morari (moderador) tiene otro compromiso en todos los horarios posibles.',
      '«Global Compact town hall»: ninguna sala tiene 500 plazas.',
      '«Labour mobility partnerships in the Mediterranean»: cada sala y horario posibles están ocupados por sesiones asignadas aquí: «Diaspora bonds for development finance».',
    ]);
    await page.getByLabel('Idioma').selectOption('en');
    await page.close();
  });
});
