import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const MOBILITY = "Mobility partnerships in practice: lessons from the EU's neighbourhood";
const DIASPORA = 'Marketplace: engaging the diaspora in local development (Republic of Moldova)';
const CAPACITY = 'What role for capacity building in turning the Global Compact on Migration into action?';
const NO_MOVE =
  'No room and time clears it: both delegates of Republic of Moldova are committed elsewhere at every time it could take.';

/** Who is where on Moldova's agenda, heading by heading, in the summit's 24-hour clock. */
const WHO_IS_WHERE = [
  'Who is where',
  'Times in the summit’s zone (Africa/Casablanca), on the 24-hour clock.',
  'Daniela Morari',
  `Fri 7 Dec 08:30–09:45: ${CAPACITY} — moderator, Orangeraie Room (Conference Centre)`,
  'Ion Popa',
  `Fri 7 Dec 08:00–09:00: ${MOBILITY} — speaker, Atlas Room (Hotel)`,
  'Any delegate',
  `Fri 7 Dec 08:15–09:00: ${DIASPORA} — owner, Marketplace Table 1 (Conference Centre)`,
];

/** The over-commitment of 08:30–09:00 and what the delegation itself can do about it. */
const WAYS_OUT = [
  'More sessions at once than delegates: the ways out',
  'Fri 7 Dec 08:30–09:00: 3 sessions at once for 2 delegates',
  'The sessions that clash',
  `Fri 7 Dec 08:00–09:00: ${MOBILITY} — Ion Popa (speaker), Atlas Room (Hotel)`,
  `Fri 7 Dec 08:15–09:00: ${DIASPORA} — any delegate, Marketplace Table 1 (Conference Centre)`,
  `Fri 7 Dec 08:30–09:45: ${CAPACITY} — Daniela Morari (moderator), Orangeraie Room (Conference Centre)`,
  'What Republic of Moldova can do',
  `Nobody is free to cover “${DIASPORA}”: every registered delegate is named in another of these sessions.`,
  'Republic of Moldova has too few people: 2 delegates for 3 sessions at once, so one session stays without a delegate. Ask the support unit to move one of these sessions, or withdraw from one.',
];

/** A region's headings, paragraphs and innermost list items, in order, each as one line. */
const lines = (page: Page, name: string) =>
  page
    .getByRole('region', { name })
    .locator('h2, h3, h4, p, li:not(:has(li))')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe.skipIf(skipBrowser)("Moldova's agenda says who covers what", () => {
  const env = supportUnitBrowser();
  const agenda = () => `${env.server.base}/summits/gfmd-2018/delegations/MDA`;

  it('shows the support unit who is where, the clash, and the moves it could make or why there is none', async () => {
    const page = await openPage(env.context, agenda(), env.pageErrors);
    const cover = page.getByRole('region', { name: 'More sessions at once than delegates: the ways out' });
    // The moves are read last: wait for all three sessions' answers before reading the section.
    await cover.getByText(`“${MOBILITY}”: ${NO_MOVE}`).waitFor();
    await cover.getByText(`“${CAPACITY}”: ${NO_MOVE}`).waitFor();
    await cover.getByText('Marketplace Table 1, Fri 7 Dec 09:00–09:45').waitFor();
    expect(await lines(page, 'Who is where')).toEqual(WHO_IS_WHERE);
    expect(await lines(page, 'More sessions at once than delegates: the ways out')).toEqual([
      ...WAYS_OUT,
      'Moves the support unit could make',
      `“${MOBILITY}”: ${NO_MOVE}`,
      `Move “${DIASPORA}” to:`,
      'Marketplace Table 1, Fri 7 Dec 09:00–09:45 Move here',
      'Marketplace Table 1, Fri 7 Dec 09:05–09:50 Move here',
      'Agdal Room, Fri 7 Dec 09:00–09:45 Move here',
      `“${CAPACITY}”: ${NO_MOVE}`,
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows its focal point the same ways out for the delegation, without the support unit’s moves', async () => {
    const granted = await env.context.request.post(`${env.server.base}/api/summits/gfmd-2018/roles`, {
      data: { email: 'focal@moldova.example.org', role: 'focal_point', delegation: 'MDA', invite: false },
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(granted.status()).toBe(201);
    const focal = await signedInAs(env, 'focal@moldova.example.org');
    const page = await openPage(focal.context, agenda(), env.pageErrors);
    await page.getByText(`Nobody is free to cover “${DIASPORA}”`, { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Who is where' }).waitFor();
    expect(await lines(page, 'Who is where')).toEqual(WHO_IS_WHERE);
    expect(await lines(page, 'More sessions at once than delegates: the ways out')).toEqual(WAYS_OUT);
    // The clash in words, written in the browser from the conflict's fields and the agenda's sessions.
    const clashes = page.getByRole('region', { name: 'Over-commitments and clashes' }).getByRole('listitem');
    await expect
      .poll(() => clashes.allTextContents())
      .toContain(
        `Republic of Moldova has 2 delegates but is committed to 3 sessions on Fri 7 Dec 08:30–09:00: "${MOBILITY}", "${DIASPORA}" and "${CAPACITY}".`,
      );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    await focal.context.close();
  });

  it("says on a Moldovan side event's page why no move clears its conflict", async () => {
    const page = await openPage(
      env.context,
      `${env.server.base}/summits/gfmd-2018/sessions/se-capacity-building`,
      env.pageErrors,
    );
    const planning = page.getByRole('region', { name: 'Conflicts and moves' });
    await planning.getByText(NO_MOVE, { exact: true }).waitFor();
    expect(await planning.getByRole('heading', { name: 'Moves that clear its hard conflicts' }).count()).toBe(
      0,
    );
    await page.close();
  });
});
