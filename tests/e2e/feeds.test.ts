// Calendar feeds in the browser (issue 12, item 2): Moldova's Daniela Morari makes a calendar
// address for her delegation's agenda, a calendar app reads it, and she revokes it on My page.
import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

describe.skipIf(skipBrowser)('calendar feeds', () => {
  const env = supportUnitBrowser();

  it('are made from an agenda, read by a calendar app, and revoked on My page', async () => {
    const { context } = await signedInAs(env, 'morari@example.org');
    const page = await openPage(
      context,
      `${env.server.base}/summits/gfmd-2018/delegations/MDA`,
      env.pageErrors,
    );
    page.setDefaultTimeout(10_000);
    // Her delegation's part in each session, in words: "as moderator and organiser", one role each.
    await page.locator('.day-list-meta').first().waitFor();
    await expect(page.locator('.day-list-meta').allTextContents()).resolves.toEqual([
      'Side event as speaker',
      'Marketplace consultation as owner',
      'Side event as organiser and moderator',
    ]);
    await page.getByRole('button', { name: 'Make a calendar address' }).click();
    const subscribe = page.getByRole('link', { name: 'Subscribe in your calendar app' });
    const webcal = String(await subscribe.getAttribute('href'));
    expect(webcal).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/api\/feeds\/feed_[\w-]{43}\/calendar\.ics$/);
    const address = await page.getByLabel('Or copy this address into your calendar app').inputValue();
    expect(address).toBe(webcal.replace(/^webcal:/, 'http:'));
    expect(await axeViolations(page)).toEqual([]);

    // A calendar app sends no cookie: the address alone reads it.
    const app = await env.browser.newContext();
    const read = await app.request.get(address);
    expect([read.status(), read.headers()['content-type']]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(await read.text()).toContain('X-WR-CALNAME:GFMD 2018 Summit: Republic of Moldova');

    const me = await openPage(context, `${env.server.base}/me`, env.pageErrors);
    // My page names her delegation's agenda by its name, never its key.
    await me.getByRole('link', { name: 'Agenda of Republic of Moldova' }).waitFor();
    const feeds = me.getByRole('region', { name: 'Calendar feeds' });
    await feeds.getByText('Republic of Moldova, GFMD 2018 Summit.').waitFor();
    await feeds.getByRole('button', { name: 'Revoke the address of Republic of Moldova' }).click();
    await feeds.getByText('You have made no calendar address.').waitFor();
    expect((await app.request.get(address)).status()).toBe(404);
    await app.close();
    await context.close();
  });
});
