// The Marketplace in the browser (issue 11): ICMPD's Oleg Chirita books a consultation on Moldova's
// need in a slot the page offers (the slots when Moldova's only delegate sits in RT 1.2 are not
// offered, and say why), Moldova's Daniela Morari accepts it, and both delegations find it in their
// agendas.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKET_SLUG, marketplaceSummitFile } from '../factories/marketplace.ts';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const S = `/summits/${MARKET_SLUG}`;
const TITLE = 'Diaspora engagement strategy';

describe.skipIf(skipBrowser)('the Marketplace', () => {
  const env = supportUnitBrowser();
  let chirita: BrowserContext;
  let morari: BrowserContext;
  const open = async (context: BrowserContext, path: string) => {
    const page = await openPage(context, `${env.server.base}${path}`, env.pageErrors);
    page.setDefaultTimeout(10_000);
    return page;
  };

  it('sets up a summit with two Marketplace tables and Moldova’s need', async () => {
    const imported = await env.context.request.post(`${env.server.base}/api/summits/import?replace=true`, {
      data: marketplaceSummitFile(),
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(imported.status()).toBe(201);
    chirita = (await signedInAs(env, 'chirita@example.org')).context;
    morari = (await signedInAs(env, 'morari@example.org')).context;
  });

  it('lets a provider book only a slot where both delegations have someone free', async () => {
    const page = await open(chirita, S);
    await page.getByRole('navigation', { name: 'Marketplace' }).getByRole('link', { name: 'Needs' }).click();
    await page.getByRole('heading', { name: 'Marketplace', level: 1 }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // Moldova's one delegate is in RT 1.2 from 10:00 to 11:30: those slots are not offered.
    const offered = page.getByRole('button', { name: /^Request [A-Z][a-z]+day, / });
    await offered.first().waitFor();
    expect(await offered.allTextContents()).toEqual([
      'Request Thursday, 10 December 2099, 09:30–10:00 at Table 1',
      'Request Thursday, 10 December 2099, 09:30–10:00 at Table 2',
      'Request Thursday, 10 December 2099, 11:30–12:00 at Table 1',
      'Request Thursday, 10 December 2099, 11:30–12:00 at Table 2',
    ]);
    await page.getByText('Slots that cannot be booked (6)').click();
    await page
      .getByText(
        'Thursday, 10 December 2099, 10:00–10:30, Table 1: Moldova has 1 person and is committed to “RT 1.2” then',
      )
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The reason in the reader's language, from the slot's `why`.
    await page.getByLabel('Language').selectOption('fr');
    await page
      .getByText(
        /, 10:00–10:30, Table 1 : Moldova n’a qu’une personne inscrite, déjà engagée dans « RT 1\.2 » à cette heure$/,
      )
      .first()
      .waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByText('Slots that cannot be booked (6)').waitFor();

    await page
      .getByRole('button', { name: 'Request Thursday, 10 December 2099, 09:30–10:00 at Table 1' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Requested: Thursday, 10 December 2099, 09:30–10:00 at Table 1.' })
      .waitFor();
    // The slot it holds is offered no more, nor any other at that time: Moldova's one person is in it.
    await page.getByText('Slots that cannot be booked (8)').waitFor();
    expect(await offered.allTextContents()).toEqual([
      'Request Thursday, 10 December 2099, 11:30–12:00 at Table 1',
      'Request Thursday, 10 December 2099, 11:30–12:00 at Table 2',
    ]);
  });

  it('lets the owner accept, and both delegations then find the consultation in their agendas', async () => {
    const page = await open(morari, `${S}/marketplace/consultations`);
    await page.getByRole('heading', { name: 'My consultations', level: 1 }).waitFor();
    const consultation = page.getByRole('article', { name: TITLE });
    await consultation.getByText('Requested', { exact: true }).waitFor();
    expect(await consultation.getByRole('button').allTextContents()).toEqual(['Accept', 'Decline', 'Cancel']);
    await consultation.getByRole('button', { name: 'Accept' }).click();
    await consultation.getByText('Accepted', { exact: true }).waitFor();
    await consultation.getByRole('link', { name: 'In the programme' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    for (const [context, delegation] of [
      [morari, 'MDA'],
      [chirita, 'ICMPD'],
    ] as const) {
      const agenda = await open(context, `${S}/delegations/${delegation}`);
      await agenda.getByText(`Marketplace: ${TITLE}, with ICMPD`).first().waitFor();
    }
  });

  it('lets a provider leave the time to the support unit, whose schedule finds Moldova’s last free slot', async () => {
    const pope = (await signedInAs(env, 'pope@example.org')).context;
    const page = await open(pope, `${S}/marketplace/needs/mda-diaspora`);
    await page.getByRole('button', { name: /^Request a consultation at any free time/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Requested. Once Moldova accepts, the support unit will set its table and time' })
      .waitFor();

    const owner = await open(morari, `${S}/marketplace/consultations`);
    const waiting = owner
      .getByRole('article', { name: TITLE })
      .filter({ hasText: 'Table and time to be set by the support unit' });
    await waiting.getByRole('button', { name: 'Accept' }).click();
    await waiting.getByText('Accepted', { exact: true }).waitFor();

    const desk = await open(env.context, `${S}/marketplace/tables`);
    await desk.getByRole('button', { name: 'Schedule the accepted requests without a slot' }).click();
    const done = desk.getByRole('status').filter({ hasText: 'Scheduled: 1.' });
    await done.waitFor();
    // 09:30 is ICMPD's and 10:00–11:30 is RT 1.2: Moldova's one delegate is free at 11:30 only.
    expect(await done.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(
        /^Diaspora engagement strategy: Thursday, 10 December 2099, 11:30–12:00, Table [12]$/,
      ),
    ]);
    await pope.close();
  });

  it('shows the support unit every table and slot, and what came of the consultations, in figures too', async () => {
    const page = await open(env.context, `${S}/marketplace/tables`);
    await page.getByRole('heading', { name: 'Tables and slots', level: 1 }).waitFor();
    // The grid is drawn once the consultations are read: wait for them, not only for the heading.
    await page
      .getByRole('cell', { name: `${TITLE} (Accepted)` })
      .first()
      .waitFor();
    const firstRow = page.getByRole('row').nth(1);
    expect(await firstRow.getByRole('cell').allTextContents()).toEqual([`${TITLE} (Accepted)`, 'free']);
    expect(await page.getByRole('row').count()).toBe(1 + 5);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'What came of it' }).click();
    await page.getByRole('heading', { name: 'From consultations to implementation' }).waitFor();
    const figures = page.getByRole('table').first().getByRole('row');
    expect(await figures.allTextContents()).toEqual([
      'StageConsultations',
      'Consultations2',
      'Project proposals0',
      'Followed up0',
      'Implemented0',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
