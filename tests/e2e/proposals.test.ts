// Side-event proposals in the browser (issue 10): the Moldova/ICMPD proposal of seed 003 typed into
// the form by ICMPD's Oleg Chirita, saved as typed, submitted with a double click, accepted on the
// review desk and placed; a programme that does not add up; a draft typed offline; a proposal
// changed in two tabs at once.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MOLDOVA_TITLE, moldovaProposal, summitAwaitingProposals } from '../factories/proposal.ts';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const S = '/summits/gfmd-2018';
const API = '/api/summits/gfmd-2018';
const form = moldovaProposal();

describe.skipIf(skipBrowser)('side-event proposals', () => {
  const env = supportUnitBrowser();
  let chirita: BrowserContext;
  let chiritaCsrf = '';
  let id = 0;

  async function signedIn(email: string): Promise<BrowserContext> {
    const signed = await signedInAs(env, email);
    chiritaCsrf = signed.csrfToken;
    return signed.context;
  }
  const admin = (path: string) =>
    env.context.request.get(`${env.server.base}${path}`).then(async (r) => {
      expect(r.status()).toBe(200);
      return r.json();
    });
  const open = async (context: BrowserContext, path: string) => {
    const page = await openPage(context, `${env.server.base}${path}`, env.pageErrors);
    page.setDefaultTimeout(10_000);
    return page;
  };
  /** The save status says `text` (Saved, Saving…, Offline: …). */
  const saveStatus = async (page: Page, text: string, timeout?: number) => {
    const status = page.locator('.save-status [role=status]');
    try {
      await status.getByText(text, { exact: true }).waitFor({ timeout });
    } catch (e) {
      // Say what it said instead (a slow CI machine, or a real refusal).
      throw new Error(`the save status never said "${text}": it says "${await status.textContent()}"`, {
        cause: e,
      });
    }
  };
  const row = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

  it('sets up a summit calling for proposals, without the Moldova/ICMPD side event', async () => {
    const imported = await env.context.request.post(`${env.server.base}/api/summits/import?replace=true`, {
      data: summitAwaitingProposals('2099-09-28T23:59'),
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(imported.status()).toBe(201);
    chirita = await signedIn('chirita@example.org');
  });

  it('takes the Moldova/ICMPD proposal as it is typed, with the running sum on screen, and keeps it over a reload', async () => {
    const page = await open(chirita, S);
    await page.getByRole('link', { name: 'Propose a side event' }).click();
    await page.getByRole('heading', { name: 'Propose a side event', level: 1 }).waitFor();
    await page.getByLabel('Title of the side event', { exact: true }).fill(form.title!);
    // The first keystroke creates the draft: the address becomes the proposal's.
    await page.waitForURL(/\/summits\/gfmd-2018\/proposals\/\d+$/);
    id = Number(page.url().split('/').at(-1));

    await row(page, 'Organiser 1').getByLabel('Delegation or organisation', { exact: true }).selectOption({
      label: 'Republic of Moldova',
    });
    await page.getByRole('button', { name: 'Add an organiser' }).click();
    await row(page, 'Organiser 2').getByLabel('Delegation or organisation', { exact: true }).selectOption({
      label: 'International Centre for Migration Policy Development',
    });
    for (const [i, c] of form.contacts!.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Add a contact person' }).click();
      const contact = row(page, `Contact person ${i + 1}`);
      await contact.getByLabel('Name', { exact: true }).fill(c.name!);
      await contact.getByLabel('Title', { exact: true }).fill(c.title!);
      await contact.getByLabel('E-mail address', { exact: true }).fill(c.email!);
    }
    for (const [i, m] of form.materials!.entries()) {
      await page.getByRole('button', { name: 'Add a background material' }).click();
      await row(page, `Material ${i + 1}`)
        .getByLabel('Title', { exact: true })
        .fill(m.title!);
      await row(page, `Material ${i + 1}`)
        .getByLabel('Link', { exact: true })
        .fill(m.url!);
    }
    await page.getByLabel('Brief description', { exact: true }).fill(form.description!);
    await page.getByLabel('Objective', { exact: true }).fill(form.objective!);
    await page.getByLabel('Expected results', { exact: true }).fill(form.expectedResults!);
    await page.getByRole('radio', { name: 'Breakfast' }).check();
    await page.getByLabel('Duration in minutes', { exact: true }).fill('75');
    await page.getByLabel('Expected attendance', { exact: true }).fill('120');
    await page.getByLabel('Room capacity (seats)', { exact: true }).fill('220');
    for (const equipment of ['Projector', 'Screen', 'HDMI connection', 'USB connection'])
      await page.getByRole('checkbox', { name: equipment }).check();
    await page.getByLabel('Microphones', { exact: true }).fill('6');
    await page.getByLabel('Speakers and level of participation', { exact: true }).fill(form.speakers!);
    const moderator = row(page, 'Moderator or chair');
    await moderator.getByLabel('Name', { exact: true }).fill(form.moderator!.name!);
    await moderator.getByLabel('Title', { exact: true }).fill(form.moderator!.title!);
    await moderator.getByLabel('Organisation', { exact: true }).fill(form.moderator!.organisation!);
    for (const [i, p] of form.panellists!.entries()) {
      await page.getByRole('button', { name: 'Add a panellist' }).click();
      const panellist = row(page, `Panellist ${i + 1}`);
      await panellist.getByLabel('Name', { exact: true }).fill(p.name!);
      await panellist.getByLabel('Title', { exact: true }).fill(p.title!);
      await panellist.getByLabel('Organisation', { exact: true }).fill(p.organisation!);
      if (p.dimension)
        await panellist.getByLabel('Dimension (what they speak for)', { exact: true }).fill(p.dimension);
    }

    // The programme: 10 + 25 + 5 + 20 + 15, the sum said as it is typed.
    const sum = page.locator('.running-sum');
    const sums: string[] = [];
    for (const [i, item] of form.programme!.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Add an item' }).click();
      await row(page, `Item ${i + 1}`)
        .getByLabel('Minutes', { exact: true })
        .fill(String(item.minutes));
      await row(page, `Item ${i + 1}`)
        .getByLabel('What happens', { exact: true })
        .fill(item.item!);
      sums.push((await sum.textContent())!);
    }
    expect(sums).toEqual([
      '10 of 75 minutes: 65 minutes left to plan.',
      '35 of 75 minutes: 40 minutes left to plan.',
      '40 of 75 minutes: 35 minutes left to plan.',
      '60 of 75 minutes: 15 minutes left to plan.',
      '75 of 75 minutes: the programme fills the event.',
    ]);
    expect(await sum.getAttribute('role')).toBe('status');

    await page.getByRole('button', { name: 'Add a preferred start' }).click();
    await row(page, 'Preferred start 1')
      .getByLabel('Day', { exact: true })
      .selectOption({ label: 'Friday, 7 December 2018' });
    await row(page, 'Preferred start 1')
      .getByLabel('Start time (Africa/Casablanca)', { exact: true })
      .fill('08:30');
    await saveStatus(page, 'Saved');
    expect(await axeViolations(page)).toEqual([]);

    // What the server has is the form of seed 003, field for field.
    const saved = await admin(`${API}/proposals/${id}`);
    const fields = Object.fromEntries(Object.keys(form).map((k) => [k, saved[k]]));
    expect(fields).toEqual({ ...form, preferredStarts: ['2018-12-07T08:30+01:00'] });

    await page.reload();
    await page.getByLabel('Title of the side event', { exact: true }).waitFor();
    expect(await page.getByLabel('Title of the side event', { exact: true }).inputValue()).toBe(
      MOLDOVA_TITLE,
    );
    expect(
      await row(page, 'Organiser 2').getByLabel('Delegation or organisation', { exact: true }).inputValue(),
    ).toBe('d:ICMPD');
    expect(
      await row(page, 'Contact person 3').getByLabel('E-mail address', { exact: true }).inputValue(),
    ).toBe('zorrilla@example.org');
    expect(await row(page, 'Item 2').getByLabel('What happens', { exact: true }).inputValue()).toBe(
      form.programme![1]!.item,
    );
    expect(await page.getByRole('checkbox', { name: 'USB connection' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Breakfast' }).isChecked()).toBe(true);
    expect(await sum.textContent()).toBe('75 of 75 minutes: the programme fills the event.');
    expect(
      await row(page, 'Preferred start 1')
        .getByLabel('Start time (Africa/Casablanca)', { exact: true })
        .inputValue(),
    ).toBe('08:30');
    await page.close();
  }, 60_000);

  it('submits it once for a double click: one Idempotency-Key, one e-mail to each contact', async () => {
    const page = await open(chirita, `${S}/proposals/${id}`);
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/submit')) keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: 'Submit the proposal' }).dblclick();
    await page.getByText('Submitted, awaiting review').waitFor();
    // The form gives way to the proposal as sent; the focus goes to the news.
    const news = page
      .getByRole('status')
      .filter({ hasText: 'Submitted. The contact persons have been sent' });
    expect(await news.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new Set(keys).size).toBe(1);
    const { messages } = await admin(`${API}/outbox`);
    expect(
      messages
        .filter((m: { kind: string }) => m.kind === 'proposal_submitted')
        .map((m: { recipient: string; subject: string }) => `${m.recipient}: ${m.subject}`)
        .sort(),
    ).toEqual([
      `chirita@example.org: Proposal received: ${MOLDOVA_TITLE}`,
      `morari@example.org: Proposal received: ${MOLDOVA_TITLE}`,
      `zorrilla@example.org: Proposal received: ${MOLDOVA_TITLE}`,
    ]);
    // As sent: read, not a form; no desk controls for an organiser.
    await expect(page.getByRole('textbox', { name: 'Title of the side event' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is sent back for changes with a message, which its organisers read and answer before submitting again', async () => {
    const desk = await open(env.context, `${S}/proposal-desk/${id}`);
    const decision = desk.getByRole('region', { name: 'Decision' });
    // Without a message the server refuses it, on the message's field.
    await decision.getByRole('button', { name: 'Request changes' }).click();
    const message = decision.getByLabel('Message to the organisers (needed to request changes)');
    await decision
      .getByText('say what should change, in a message to the organisers', { exact: true })
      .waitFor();
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    expect(env.pageErrors.splice(0)).toEqual([expect.stringContaining('400')]);
    await message.fill('Please confirm the speakers of the national and the donors’ dimension.');
    await decision.getByRole('button', { name: 'Request changes' }).click();
    await desk.getByText('Changes requested by the support unit').waitFor();
    await desk.close();

    const page = await open(chirita, `${S}/proposals/${id}`);
    const messages = page.getByRole('region', { name: 'Messages' });
    await messages
      .getByText('Please confirm the speakers of the national and the donors’ dimension.')
      .waitFor();
    await messages.getByText(/^Support unit · .* · asking for changes$/).waitFor();
    await messages
      .getByLabel('Write a message')
      .fill('Confirmed: Mr. Alberto Amador Leal (Mexico) and Ms. Camilla Hagström (European Commission).');
    await messages.getByRole('button', { name: 'Send the message' }).click();
    await messages.getByText(/^chirita@example\.org · /).waitFor();
    // The form is open again: submitted once more, with a key of its own.
    await page.getByRole('button', { name: 'Submit the proposal' }).click();
    await page.getByText('Submitted, awaiting review').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is accepted on the review desk and placed in a room of 220 seats with projector and screen, in the breakfast window', async () => {
    const page = await open(env.context, S);
    await page.getByRole('link', { name: 'Side-event proposals' }).click();
    await page.getByRole('heading', { name: 'Side-event proposals', level: 1 }).waitFor();
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Breakfast' });
    await page.waitForURL(/proposal-desk\?format=breakfast$/);
    await page.getByRole('link', { name: 'Submitted, awaiting review: 1' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: MOLDOVA_TITLE }).click();

    const rooms = page.getByRole('region', { name: 'Rooms that can hold it' });
    // The rooms arrive after the page: wait for the table, then read all of it.
    await rooms.getByRole('rowheader').first().waitFor();
    await expect(rooms.getByRole('rowheader').allTextContents()).resolves.toEqual(['Orangeraie Room']);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('Accepted, not yet in the programme').waitFor();

    const place = page.getByRole('region', { name: 'A room and a time for its session' });
    await place.getByRole('button', { name: 'Propose a room and time' }).click();
    await place
      .getByText('Proposed: Orangeraie Room, Friday, 7 December 2018, 08:30–09:45 (Africa/Casablanca).')
      .waitFor();
    await place.getByRole('button', { name: 'Confirm this room and time' }).click();
    await page.getByText('Scheduled', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const proposal = await admin(`${API}/proposals/${id}`);
    expect([proposal.status, proposal.placement]).toEqual([
      'scheduled',
      {
        room: 'orangeraie',
        roomName: 'Orangeraie Room',
        start: '2018-12-07T08:30+01:00',
        end: '2018-12-07T09:45+01:00',
      },
    ]);
    const session = await admin(`${API}/sessions/${proposal.session}`);
    const segments: { key: string; title: string; start: string; end: string }[] = await admin(
      `${API}/segments`,
    );
    const window = segments.find((s) => s.key === session.segment)!;
    expect([window.title, window.start, window.end]).toEqual([
      'Side events (breakfast)',
      '2018-12-07T08:00+01:00',
      '2018-12-07T09:50+01:00',
    ]);
    const rooms220 = (await admin(`${API}/rooms`)).find((r: { key: string }) => r.key === 'orangeraie');
    expect([
      rooms220.capacity,
      rooms220.equipment.includes('projector'),
      rooms220.equipment.includes('screen'),
    ]).toEqual([220, true, true]);

    // The organiser sees where and when.
    const mine = await open(chirita, `${S}/proposals`);
    await mine
      .getByText('Scheduled · Orangeraie Room, Friday, 7 December 2018, 08:30–09:45 (Africa/Casablanca)')
      .waitFor();
    await mine.close();
    // The desk is the support unit's: for an organiser, no such page and none of its controls.
    const notHers = await open(chirita, `${S}/proposal-desk/${id}`);
    await notHers.getByText('This page does not exist.').waitFor();
    await expect(notHers.getByRole('button').allTextContents()).resolves.toEqual(['Sign out']);
    await notHers.close();
    await page.close();
  });

  /** A draft of Oleg Chirita's, started through the API. */
  async function draft(body: object): Promise<number> {
    const res = await chirita.request.post(`${env.server.base}${API}/proposals`, {
      data: body,
      headers: { 'x-csrf-token': chiritaCsrf },
    });
    expect(res.status()).toBe(201);
    return (await res.json()).id;
  }
  /** Chromium's lines for requests that failed while offline, taken out of the page errors. */
  const offlineErrors = () =>
    env.pageErrors.splice(0).filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e));

  it('shows a programme that does not add up on its field and in the summary, and keeps the draft', async () => {
    // The whole form, but the Chair's conclusions take 10 minutes instead of 15.
    const programme = form.programme!.map((x, i) => (i === 4 ? { ...x, minutes: 10 } : x));
    const short = await draft({ ...form, programme });
    const page = await open(chirita, `${S}/proposals/${short}`);
    const submits: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/submit')) submits.push(r.url());
    });
    await page.locator('.running-sum').getByText('70 of 75 minutes: 5 minutes left to plan.').waitFor();
    await page.getByRole('button', { name: 'Submit the proposal' }).click();

    const summary = page.getByRole('region', { name: 'One thing keeps the proposal from being submitted' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary
      .getByRole('link', {
        name: 'Programme items: The items add up to 70 minutes; the event lasts 75 minutes.',
      })
      .click();
    const items = page.getByRole('group', { name: 'Programme items', exact: true });
    expect(
      await items.evaluate((el) => ({
        focused: el === document.activeElement,
        invalid: el.getAttribute('aria-invalid'),
        description: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
      })),
    ).toEqual({
      focused: true,
      invalid: 'true',
      description: 'The items add up to 70 minutes; the event lasts 75 minutes.',
    });
    expect(submits).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    const kept = await admin(`${API}/proposals/${short}`);
    expect([kept.status, kept.programme.map((x: { minutes: number }) => x.minutes)]).toEqual([
      'draft',
      [10, 25, 5, 20, 10],
    ]);

    // Fixed as it is typed: the problem goes as the sum comes right.
    await row(page, 'Item 5').getByLabel('Minutes', { exact: true }).fill('15');
    await page
      .locator('.running-sum')
      .getByText('75 of 75 minutes: the programme fills the event.')
      .waitFor();
    await expect(summary.count()).resolves.toBe(0);
    await saveStatus(page, 'Saved');
    expect((await admin(`${API}/proposals/${short}`)).programme[4].minutes).toBe(15);
    await page.close();
  });

  it('keeps a draft typed offline in this browser and sends it when back online, or when the person comes back', async () => {
    const page = await open(chirita, `${S}/proposals/new`);
    await page.getByLabel('Title of the side event', { exact: true }).fill(form.title!);
    await page.waitForURL(/\/proposals\/\d+$/);
    const offline = Number(page.url().split('/').at(-1));
    await saveStatus(page, 'Saved');

    await chirita.setOffline(true);
    await page.getByLabel('Objective', { exact: true }).fill(form.objective!);
    await saveStatus(page, 'Offline: kept in this browser, will be sent when you are back online');
    const kept = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.values.objective,
      `convene:proposal:gfmd-2018:${offline}`,
    );
    expect(kept).toBe(form.objective);
    expect((await admin(`${API}/proposals/${offline}`)).objective).toBeUndefined();
    await chirita.setOffline(false);
    await saveStatus(page, 'Saved');
    expect((await admin(`${API}/proposals/${offline}`)).objective).toBe(form.objective);

    // Offline again, the tab closed before the connection came back: the next visit sends it.
    await chirita.setOffline(true);
    await page.getByLabel('Expected results', { exact: true }).fill(form.expectedResults!);
    await saveStatus(page, 'Offline: kept in this browser, will be sent when you are back online');
    await page.close();
    await chirita.setOffline(false);
    const again = await open(chirita, `${S}/proposals/${offline}`);
    expect(await again.getByLabel('Expected results', { exact: true }).inputValue()).toBe(
      form.expectedResults,
    );
    // The server gets it (on a loaded machine the page may say "Saved" before the test looks, then
    // show the form anew as saved: CI saw "Changes are saved as you type." there once).
    await expect
      .poll(async () => (await admin(`${API}/proposals/${offline}`)).expectedResults, { timeout: 20_000 })
      .toBe(form.expectedResults);
    await again.close();
    expect(offlineErrors()).toEqual([]);
  });

  it('never overwrites a proposal changed in another tab: it says so, and loads it on request', async () => {
    const both = await draft({ title: form.title, format: 'breakfast' });
    const first = await open(chirita, `${S}/proposals/${both}`);
    const second = await open(chirita, `${S}/proposals/${both}`);
    await first.getByLabel('Duration in minutes', { exact: true }).fill('75');
    await saveStatus(first, 'Saved');
    await second.getByLabel('Duration in minutes', { exact: true }).fill('90');
    await saveStatus(
      second,
      'This proposal was changed elsewhere (in another tab, or by another organiser) since you opened it. Your changes are kept in this browser; nothing was overwritten.',
    );
    expect((await admin(`${API}/proposals/${both}`)).durationMinutes).toBe(75);
    expect(await axeViolations(second)).toEqual([]);
    await second.getByRole('button', { name: 'Load the proposal as saved' }).click();
    await second.getByText('Changes are saved as you type.').waitFor();
    expect(await second.getByLabel('Duration in minutes', { exact: true }).inputValue()).toBe('75');
    // Chromium logs the refused PATCH: once, or twice on a loaded machine (the edit's change came
    // while the first was on its way, and was refused too: nothing else may be logged).
    const logged = env.pageErrors.splice(0);
    expect([logged.length >= 1, logged.filter((e) => !e.includes('status of 412'))]).toEqual([true, []]);
    await first.close();
    await second.close();
  });
});
