// A fresh server with the demo summit and a browser context signed in as the support unit (with
// the admin token); script errors and CSP violations fail the test that caused them.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ADMIN_TOKEN, latestLinkToken } from '../support/app.ts';
import { launchBrowser } from '../support/browser.ts';
import { type E2eServer, startE2eServer } from '../support/e2e-server.ts';

export function supportUnitBrowser() {
  const env = {
    server: null as unknown as E2eServer,
    browser: null as unknown as Browser,
    context: null as unknown as BrowserContext,
    /** The session's CSRF token, for writes made with `context.request`. */
    csrfToken: '',
    pageErrors: [] as string[],
  };
  afterEach(() => {
    expect(env.pageErrors.splice(0)).toEqual([]);
  });
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    env.context = await env.browser.newContext({ timezoneId: 'Asia/Kathmandu', locale: 'en-GB' });
    const response = await env.context.request.post(`${env.server.base}/api/auth/token`, {
      data: { token: ADMIN_TOKEN },
    });
    expect(response.status()).toBe(200);
    env.csrfToken = (await response.json()).csrfToken;
  });
  afterAll(async () => {
    await env.context?.close();
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A browser context signed in as `email` through the link the sign-in e-mail carries, and its CSRF token. */
export async function signedInAs(
  env: ReturnType<typeof supportUnitBrowser>,
  email: string,
): Promise<{ context: BrowserContext; csrfToken: string }> {
  const context = await env.browser.newContext({ timezoneId: 'Asia/Kathmandu', locale: 'en-GB' });
  expect((await context.request.post(`${env.server.base}/api/auth/link`, { data: { email } })).status()).toBe(
    202,
  );
  const token = await latestLinkToken(env.server, email);
  const verified = await context.request.post(`${env.server.base}/api/auth/verify`, { data: { token } });
  expect(verified.status()).toBe(200);
  return { context, csrfToken: (await verified.json()).csrfToken };
}
