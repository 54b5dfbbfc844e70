import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, skipBrowser } from '../support/browser.ts';
import { supportUnitBrowser } from './support-unit.ts';

/** The text a control's aria-describedby points at, and whether it is marked invalid. */
const described = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid'),
    description: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
    focused: document.activeElement === el,
  }));

/** The form's error summary, named `title`, has the focus; its link `problem` takes it to the field. */
async function summaryLeadsTo(page: Page, title: string, problem: string) {
  const summary = page.getByRole('region', { name: title });
  await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await summary.getByRole('link', { name: problem, exact: true }).click();
}

describe.skipIf(skipBrowser)('a write the server refuses, shown to the support unit', () => {
  const env = supportUnitBrowser();
  const rolesPage = () => openPage(env.context, `${env.server.base}/summits/gfmd-2018/roles`, env.pageErrors);

  it('shows the reason when the server refuses a write, on the field it names', async () => {
    const page = await rolesPage();
    await page.getByLabel('E-mail address').fill('morari@example.org');
    await page.getByLabel('Delegation', { exact: true }).selectOption({ label: 'Republic of Moldova' });
    await page.getByRole('button', { name: 'Give the role' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Done.');
    await page.getByRole('cell', { name: 'morari@example.org', exact: true }).waitFor();
    // The grant's delegation by its name, not its key.
    await expect(
      page.getByRole('row').filter({ hasText: 'morari@example.org' }).getByRole('cell').allTextContents(),
    ).resolves.toEqual(['morari@example.org', 'Delegate', 'Republic of Moldova', 'Take back']);

    // The same role again: the server answers 409 with { path: 'role', message }.
    await page.getByLabel('E-mail address').fill('morari@example.org');
    await page.getByRole('button', { name: 'Give the role' }).click();
    await page.getByText('morari@example.org already has this role.').first().waitFor();
    await summaryLeadsTo(page, 'There is 1 problem', 'Role: morari@example.org already has this role.');
    await expect(described(page, 'Role')).resolves.toEqual({
      invalid: 'true',
      description: 'morari@example.org already has this role.',
      focused: true,
    });
    expect(await axeViolations(page)).toEqual([]);
    pageErrors(); // Chromium logs the refused POST as a failed request
    await page.close();
  });

  it('checks the address in the browser with the schema the server uses, before sending', async () => {
    const page = await rolesPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.getByLabel('E-mail address').fill('not an address');
    await page.getByRole('button', { name: 'Give the role' }).click();
    await page.getByText('Enter an e-mail address, such as name@example.org.').first().waitFor();
    await summaryLeadsTo(
      page,
      'There is 1 problem',
      'E-mail address: Enter an e-mail address, such as name@example.org.',
    );
    await expect(described(page, 'E-mail address')).resolves.toEqual({
      invalid: 'true',
      description: 'Enter an e-mail address, such as name@example.org.',
      focused: true,
    });
    expect(posts).toEqual([]);
    await page.close();
  });

  it('says why taking back a role failed, next to its button', async () => {
    const page = await rolesPage();
    await page.getByRole('cell', { name: 'morari@example.org', exact: true }).waitFor();
    // Taken back meanwhile, elsewhere: this page's list is out of date.
    const grants = await (
      await env.context.request.get(`${env.server.base}/api/summits/gfmd-2018/roles`)
    ).json();
    const id = grants.find((g: { email: string }) => g.email === 'morari@example.org').id;
    const gone = await env.context.request.delete(`${env.server.base}/api/summits/gfmd-2018/roles/${id}`, {
      headers: { 'x-csrf-token': env.csrfToken },
    });
    expect(gone.status()).toBe(204);

    const row = page.getByRole('row').filter({ hasText: 'morari@example.org' });
    await row.getByRole('button', { name: 'Take back: morari@example.org' }).click();
    await expect(row.getByRole('alert').textContent()).resolves.toBe(
      'This no longer exists, or you may not see it.',
    );
    pageErrors();
    await page.close();
  });

  it("puts problems that name no field of the form at the top of the form's error summary", async () => {
    const page = await openPage(env.context, `${env.server.base}/me`, env.pageErrors);
    // A refusal the server cannot be made to give on demand: answered in its format, for this POST only.
    await page.route('**/api/tokens', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            json: {
              errors: [
                { path: 'name', message: 'a token of that name exists' },
                { path: '', message: 'you have too many tokens' },
                { path: 'scope', message: 'unknown scope' },
              ],
            },
          })
        : route.fallback(),
    );
    await page.getByLabel('What the token is for').fill('Registration import');
    await page.getByRole('button', { name: 'Create a token' }).click();
    const form = page.locator('form').filter({ has: page.getByLabel('What the token is for') });
    await expect(
      form.getByRole('region', { name: 'There are 2 problems' }).getByRole('listitem').allTextContents(),
    ).resolves.toEqual([
      'you have too many tokens; scope: unknown scope',
      'What the token is for: a token of that name exists',
    ]);
    await summaryLeadsTo(page, 'There are 2 problems', 'What the token is for: a token of that name exists');
    await expect(described(page, 'What the token is for')).resolves.toEqual({
      invalid: 'true',
      description: 'a token of that name exists',
      focused: true,
    });
    pageErrors();
    await page.close();
  });

  /** Chromium logs each refused request as a console error: expected here, so cleared. */
  function pageErrors() {
    env.pageErrors.splice(0);
  }
});
