// The app's main journeys with the keyboard alone (WCAG 2.1.1): after page.goto, only Tab, Enter,
// Space, arrows and typing, no mouse. Each control reached shows where the focus is (WCAG 2.4.7),
// and each journey ends on exactly the state it should: a visitor reads a session, a provider books
// a Marketplace consultation, an organiser files a side-event proposal, the support unit moves a
// session on the grid, accepts the proposal and publishes the programme.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKET_SLUG, marketplaceSummitFile } from '../factories/marketplace.ts';
import { MOLDOVA_TITLE, moldovaProposal, summitAwaitingProposals } from '../factories/proposal.ts';
import { openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const S = '/summits/gfmd-2018';
const API = '/api/summits/gfmd-2018';

/** The focused element's name (its aria-label, else its text) and whether it shows a focus ring. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', ring: false };
    const style = getComputedStyle(el);
    // The page's main, focused by the app on arriving (tabindex -1), is no stop of the Tab order.
    const ring =
      el.tabIndex < 0 || (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { name, ring };
  });

/** Presses Tab until the focus is on a control named `name`; every stop on the way shows its focus. */
async function tabTo(page: Page, name: string | RegExp, max = 200): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const unringed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.name && !now.ring) unringed.push(now.name);
    if (matches(now.name)) {
      expect(unringed).toEqual([]);
      return;
    }
  }
  throw new Error(`Tab never reached “${name}”`);
}

describe.skipIf(skipBrowser)('keyboard-only journeys', () => {
  const env = supportUnitBrowser();
  let chirita: { context: BrowserContext; csrfToken: string };
  let proposal = 0;
  const open = async (context: BrowserContext, path: string) => {
    const page = await openPage(context, `${env.server.base}${path}`, env.pageErrors);
    page.setDefaultTimeout(10_000);
    return page;
  };

  it('sets up the demo summit calling for proposals, and the Marketplace summit', async () => {
    for (const file of [summitAwaitingProposals('2099-09-28T23:59'), marketplaceSummitFile()]) {
      const imported = await env.context.request.post(`${env.server.base}/api/summits/import?replace=true`, {
        data: file,
        headers: { 'x-csrf-token': env.csrfToken },
      });
      expect(imported.status()).toBe(201);
    }
    chirita = await signedInAs(env, 'chirita@example.org');
  });

  it('lets a visitor go from the summit to Friday’s programme and read a session', async () => {
    const visitor = await env.browser.newContext({ timezoneId: 'Asia/Kathmandu', locale: 'en-GB' });
    const page = await open(visitor, S);
    await page.getByRole('heading', { name: 'GFMD 2018 Summit', level: 1 }).waitFor();
    await tabTo(page, 'Friday, 7 December 2018');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/programme\/2018-12-07/);
    await tabTo(page, /Mobility partnerships in practice/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sessions\/se-mobility-partnerships/);
    const title = page.getByRole('heading', { level: 1 });
    await expect(title.textContent()).resolves.toBe(
      "Mobility partnerships in practice: lessons from the EU's neighbourhood",
    );
    await page
      .getByText(/^Friday, 7 December 2018, 08:00–09:00/)
      .first()
      .waitFor();
    await page.getByText('Atlas Room', { exact: false }).first().waitFor();
    await visitor.close();
  });

  it('lets a provider book a Marketplace consultation and find it among theirs', async () => {
    const page = await open(chirita.context, `/summits/${MARKET_SLUG}/marketplace/needs/mda-diaspora`);
    await page.getByRole('heading', { name: 'Diaspora engagement strategy', level: 1 }).waitFor();
    await tabTo(page, 'Request Thursday, 10 December 2099, 09:30–10:00 at Table 1');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Requested: Thursday, 10 December 2099, 09:30–10:00 at Table 1.' })
      .waitFor();
    await page.goto(`${env.server.base}/summits/${MARKET_SLUG}`);
    await tabTo(page, 'My consultations');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'My consultations', level: 1 }).waitFor();
    const consultation = page.getByRole('article', { name: 'Diaspora engagement strategy' });
    await consultation.getByText('Requested', { exact: true }).waitFor();
    await consultation
      .getByText(/Thursday, 10 December 2099, 09:30–10:00/)
      .first()
      .waitFor();
  });

  it('lets an organiser give their draft a title and submit it', async () => {
    const { title: _, ...untitled } = moldovaProposal();
    const draft = await chirita.context.request.post(`${env.server.base}${API}/proposals`, {
      data: untitled,
      headers: { 'x-csrf-token': chirita.csrfToken },
    });
    expect(draft.status()).toBe(201);
    proposal = (await draft.json()).id;
    const page = await open(chirita.context, `${S}/proposals/${proposal}`);
    await page.getByLabel('Title of the side event', { exact: true }).waitFor();
    // The title is the form's first field.
    for (let i = 0; i < 100; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'title'))
        break;
    }
    await page.keyboard.type(MOLDOVA_TITLE);
    await page.locator('.save-status [role=status]').getByText('Saved', { exact: true }).waitFor();
    await tabTo(page, 'Submit the proposal');
    await page.keyboard.press('Enter');
    await page.getByText('Submitted, awaiting review').waitFor();
    const filed = await env.context.request.get(`${env.server.base}${API}/proposals/${proposal}`);
    expect(await filed.json()).toMatchObject({ status: 'submitted', title: MOLDOVA_TITLE });
  });

  it('lets the support unit move a session on the grid, accept the proposal and publish', async () => {
    const page = await open(env.context, `${S}/programme/2018-12-07?view=grid`);
    await page.getByText(/^With the keyboard: Space on a session picks it up/).waitFor();
    await tabTo(page, /08:00–09:00 Mobility partnerships in practice/);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).name).toMatch(/08:30–09:30 Mobility partnerships/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Undo the move of “Mobility partnerships/ }).waitFor();
    const moved = await env.context.request.get(`${env.server.base}${API}/sessions/se-mobility-partnerships`);
    expect(await moved.json()).toMatchObject({
      room: 'atlas',
      start: '2018-12-07T08:30+01:00',
      end: '2018-12-07T09:30+01:00',
    });
    await page.goto(`${env.server.base}${S}/sessions/se-mobility-partnerships`);
    await page
      .getByText(/^Friday, 7 December 2018, 08:30–09:30/)
      .first()
      .waitFor();

    await page.goto(`${env.server.base}${S}/proposal-desk/${proposal}`);
    await page.getByRole('heading', { name: MOLDOVA_TITLE, level: 1 }).waitFor();
    await tabTo(page, 'Accept');
    await page.keyboard.press('Enter');
    await page.getByText('Accepted, not yet in the programme').waitFor();
    const accepted = await env.context.request.get(`${env.server.base}${API}/proposals/${proposal}`);
    expect((await accepted.json()).status).toBe('accepted');

    await page.goto(`${env.server.base}${S}/plan`);
    await tabTo(page, 'Publish the programme');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^\d+ sessions published\. Release 1: /);
  });
});
