// The support unit's desk in words (issue 13, items 5, 8 and 10): the programme's state on the
// summit's home, a directory that finds anyone, sign-in links the support unit passes on, accepted
// conflicts with their reason, and an audit log and a move form that show names and one 24-hour clock.
import { describe, expect, it } from 'vitest';
import { latestLinkToken } from '../support/app.ts';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const SUMMIT = '/summits/gfmd-2018';
const MOLDOVA_SESSIONS = ['se-mobility-partnerships', 'mp-mda-diaspora', 'se-capacity-building'];

describe.skipIf(skipBrowser)('the support unit’s desk, in words', () => {
  const env = supportUnitBrowser();
  const open = (path: string) => openPage(env.context, `${env.server.base}${path}`, env.pageErrors);

  it('states on the summit home that the programme is published from the summit file, with no release yet', async () => {
    const page = await open(SUMMIT);
    const state = page.locator('.programme-state');
    await state.waitFor();
    await expect(state.textContent()).resolves.toBe(
      'Published: 21 sessions, as the summit file brought them; no release made here yet.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds a person in the directory and leads to their delegation’s agenda', async () => {
    const page = await open(SUMMIT);
    await page.getByRole('link', { name: 'Directory: delegations, people and rooms' }).click();
    await page.getByRole('heading', { name: 'Directory: delegations, people and rooms', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Search by name, title, delegation or building').fill('morari');
    const people = page.getByRole('region', { name: 'People' });
    await people.getByText('Daniela Morari').waitFor();
    await expect(people.locator('li').count()).resolves.toBe(1);
    await expect(people.locator('li').textContent()).resolves.toBe(
      'Daniela Morari, State Secretary for European Integration, Ministry of Foreign Affairs and European Integration, Republic of Moldova',
    );
    await expect(page.getByRole('region', { name: 'Delegations' }).locator('p').textContent()).resolves.toBe(
      'Nobody and nothing by that name.',
    );
    expect(page.url()).toBe(`${env.server.base}${SUMMIT}/directory?q=morari`);
    await people.getByRole('link', { name: 'Republic of Moldova' }).click();
    await page.waitForURL(`${env.server.base}${SUMMIT}/delegations/MDA`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.close();
  });

  it('links a session’s participants to their directory entry and their delegation’s agenda', async () => {
    const page = await open(`${SUMMIT}/sessions/se-capacity-building`);
    const moderator = page
      .getByRole('heading', { name: 'Moderator' })
      .locator('xpath=following-sibling::ul[1]/li');
    await moderator.waitFor();
    await expect(
      moderator.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual([`${SUMMIT}/directory?q=Daniela+Morari`, `${SUMMIT}/delegations/MDA`]);
    // The move form: the session's day and its time on the 24-hour clock.
    await expect(page.locator('#move-start-time').inputValue()).resolves.toBe('08:30');
    await expect(page.locator('#move-end-time').inputValue()).resolves.toBe('09:45');
    await expect(
      page.locator('#move-start-day').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent),
    ).resolves.toBe('Fri 7 Dec');
    await page.close();
  });

  it('lets the support unit copy a sign-in link from the summit outbox', async () => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.base });
    const asked = await env.context.request.post(`${env.server.base}/api/auth/link`, {
      headers: { 'x-csrf-token': env.csrfToken },
      data: { email: 'chirita@example.org' },
    });
    expect(asked.status()).toBe(202);
    const page = await open(`${SUMMIT}/outbox`);
    const links = page.getByRole('region', { name: 'Sign-in links to pass on' });
    await links.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await links.getByRole('button', { name: 'Copy the link for chirita@example.org' }).click();
    await links.getByRole('status').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      `${env.server.base}/sign-in/verify?token=${await latestLinkToken(env.server, 'chirita@example.org')}`,
    );
    await page.close();
  });

  it('never shows a delegate the sign-in links', async () => {
    const { context } = await signedInAs(env, 'morari@example.org');
    const api = await context.request.get(`${env.server.base}/api/summits/gfmd-2018/outbox`);
    expect(api.status()).toBe(403);
    const page = await openPage(context, `${env.server.base}${SUMMIT}/outbox`, env.pageErrors);
    await page.getByText('This page does not exist.').waitFor();
    await expect(page.getByText('Sign-in links to pass on').count()).resolves.toBe(0);
    await context.close();
  });

  it('publishes with a reason, then names the release, marks the accepted conflict and logs it in words', async () => {
    const published = await env.context.request.post(`${env.server.base}/api/summits/gfmd-2018/publish`, {
      headers: { 'x-csrf-token': env.csrfToken },
      data: {
        accept: [
          {
            code: 'DELEGATION_OVERCOMMITTED',
            sessions: MOLDOVA_SESSIONS,
            delegation: 'MDA',
            reason: 'Moldova brings a third delegate on Friday',
          },
        ],
      },
    });
    expect(published.status()).toBe(200);
    const { lastRelease } = await (
      await env.context.request.get(`${env.server.base}/api/summits/gfmd-2018/release`)
    ).json();
    const at = new Date(lastRelease.at);
    const part = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', ...o }).format(at);
    const date = part({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const time = part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

    const home = await open(SUMMIT);
    await home.getByText(/^Published: release 1/).waitFor();
    await expect(home.locator('.programme-state').textContent()).resolves.toBe(
      `Published: release 1 of ${date} at ${time} (Africa/Casablanca), ${lastRelease.sessions} sessions.`,
    );
    await home.close();

    const plan = await open(`${SUMMIT}/plan`);
    const accepted = plan.locator('.conflict-accepted');
    await accepted.first().waitFor();
    await expect(accepted.first().locator('.accepted-mark').textContent()).resolves.toBe(
      'Accepted (Moldova brings a third delegate on Friday):',
    );
    await plan.close();

    const audit = await open(`${SUMMIT}/audit`);
    const row = audit.getByRole('row').nth(1);
    await row.getByRole('cell').first().waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toMatch(/^\w{3} \d{1,2} \w{3} \d{2}:\d{2}$/);
    expect(cells.slice(1, 3)).toEqual(['admin (session)', 'Published the programme']);
    await expect(row.locator('li').allTextContents()).resolves.toEqual([
      "Accepted hard conflicts: Delegation over-committed: “Mobility partnerships in practice: lessons from the EU's neighbourhood”, “Marketplace: engaging the diaspora in local development (Republic of Moldova)” and “What role for capacity building in turning the Global Compact on Migration into action?” (accepted: Moldova brings a third delegate on Friday)",
      `Published: ${lastRelease.sessions}`,
      'Release: release 1',
    ]);
    // Names, not keys or codes.
    expect(cells.join(' ')).not.toMatch(
      /DELEGATION_OVERCOMMITTED|\bMDA\b|mp-mda-diaspora|se-mobility-partnerships/,
    );
    expect(await axeViolations(audit)).toEqual([]);
    await audit.close();
  });
});
