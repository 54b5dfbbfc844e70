import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/app.ts';
import { axeViolations, launchBrowser, openPage, skipBrowser } from '../support/browser.ts';
import { startE2eServer, type E2eServer } from '../support/e2e-server.ts';

describe.skipIf(skipBrowser)('signing in from the outbox link', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const context = async () => {
    const c = await browser.newContext({
      timezoneId: 'Asia/Kathmandu',
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(c);
    return c;
  };

  it("takes Daniela Morari from the support unit's outbox to Moldova's agenda", async () => {
    // Moldova's moderator asks for a link; no mail server is configured, so it waits in the outbox.
    const morari = await openPage(await context(), `${server.base}/sign-in`, pageErrors);
    await morari.getByLabel('E-mail address').fill('morari@example.org');
    await morari.getByRole('button', { name: 'Send me a link' }).click();
    await expect(morari.getByRole('status').textContent()).resolves.toBe(
      'If this address may sign in, a link is on its way. It works once, within 15 minutes.',
    );

    // The support unit signs in with the admin token and reads the outbox.
    const support = await openPage(await context(), `${server.base}/sign-in`, pageErrors);
    await support.getByText('Support unit: sign in with a token').click();
    await support.getByLabel('Admin or API token').fill(ADMIN_TOKEN);
    await support.getByRole('button', { name: 'Sign in with the token' }).click();
    await support.getByRole('link', { name: 'Outbox (all messages)' }).click();
    const message = support.getByRole('listitem').filter({ hasText: 'morari@example.org' });
    await message.getByText('Message', { exact: true }).click();
    const body = await message.locator('pre').textContent();
    const link = /(http:\/\/127\.0\.0\.1:\d+\/sign-in\/verify\?token=[\w-]+)/.exec(body ?? '')?.[1];
    expect(link?.startsWith(`${server.base}/sign-in/verify?token=`)).toBe(true);
    expect(await axeViolations(support)).toEqual([]);

    // The link, passed on, signs her in and lands on her delegation's agenda.
    await morari.goto(link!);
    await morari.getByRole('button', { name: 'Continue' }).click();
    await morari.getByRole('heading', { name: 'Agenda: Republic of Moldova' }).waitFor();
    expect(morari.url()).toBe(`${server.base}/summits/gfmd-2018/delegations/MDA`);
    const friday = morari.getByRole('region', { name: 'Friday, 7 December 2018' });
    const times = await friday.locator('.day-list-time').allTextContents();
    expect(times).toEqual(['08:00–09:00', '08:15–09:00', '08:30–09:45']);
    await expect(friday.getByRole('link').allTextContents()).resolves.toEqual([
      "Mobility partnerships in practice: lessons from the EU's neighbourhood",
      'Marketplace: engaging the diaspora in local development (Republic of Moldova)',
      'What role for capacity building in turning the Global Compact on Migration into action?',
    ]);
    expect(await axeViolations(morari)).toEqual([]);

    // The link works once.
    const again = await openPage(await context(), link!, pageErrors);
    await again.getByRole('button', { name: 'Continue' }).click();
    await expect(again.getByRole('alert').textContent()).resolves.toBe(
      'This sign-in link is unknown, already used or expired: ask for a new one.',
    );
    pageErrors.splice(0); // the refused POST is logged by Chromium as a failed request
  });
});
