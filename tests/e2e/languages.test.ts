// The app in French and Spanish: the browser's language picks it, <html lang> follows, the choice
// is remembered, and the programme with the support unit's conflict panel reads in that language,
// axe-core clean, the conflicts' sentences included (written in the browser from their fields).
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/app.ts';
import { axeViolations, described, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

const FRIDAY = '/summits/gfmd-2018/programme/2018-12-07?view=grid';

describe.skipIf(skipBrowser)('the app in the GFMD’s other languages', () => {
  const env = supportUnitBrowser();

  /** A browser context speaking `locale`, signed in as the support unit. */
  async function contextIn(locale: string): Promise<BrowserContext> {
    const context = await env.browser.newContext({
      locale,
      timezoneId: 'Asia/Kathmandu',
      viewport: { width: 1400, height: 1000 },
    });
    const signedIn = await context.request.post(`${env.server.base}/api/auth/token`, {
      data: { token: ADMIN_TOKEN },
    });
    expect(signedIn.status()).toBe(200);
    return context;
  }

  it('opens in French for a French browser, with the conflict panel in French', async () => {
    const context = await contextIn('fr-FR');
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(e.message));
      await page.goto(`${env.server.base}${FRIDAY}`);
      await page.getByRole('region', { name: /^Conflits : \d+ bloquants?, \d+ non bloquants?$/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await page.getByLabel('Langue').inputValue()).toBe('fr');
      // Written in the browser from the conflict's fields, in French.
      const moldova = page
        .locator('.conflict-panel li')
        .filter({ hasText: /^\s*Republic of Moldova compte/ });
      await expect(
        moldova
          .first()
          .textContent()
          .then((text) => text?.trim()),
      ).resolves.toMatch(
        /^Republic of Moldova compte 2 délégués mais est engagée dans 3 sessions le ven\. 7 déc\. 08:30–09:00 : « Mobility partnerships in practice: lessons from the EU's neighbourhood », « Marketplace: engaging the diaspora in local development \(Republic of Moldova\) » et « What role for capacity building in turning the Global Compact on Migration into action\? »\. /,
      );
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens in Spanish for a Spanish browser, and remembers a language chosen on the page', async () => {
    const context = await contextIn('es-ES');
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(e.message));
      await page.goto(`${env.server.base}/summits/gfmd-2018`);
      await page.getByRole('heading', { name: 'Programa por día' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${env.server.base}${FRIDAY}`);
      await page.getByRole('region', { name: /^Conflictos: \d+ graves?, \d+ leves?$/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Chosen on the page: French, kept on the next visit though the browser says Spanish.
      await page.getByLabel('Idioma').selectOption('fr');
      await page.getByRole('region', { name: /^Conflits : / }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await page.reload();
      await page.getByRole('region', { name: /^Conflits : / }).waitFor();
      expect(await page.getByLabel('Langue').inputValue()).toBe('fr');
    } finally {
      await context.close();
    }
  });

  it('keeps a language chosen on My page on the person’s account: another browser opens in it', async () => {
    const first = await signedInAs(env, 'morari@example.org');
    const second = await signedInAs(env, 'morari@example.org');
    try {
      const page = await first.context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(e.message));
      await page.goto(`${env.server.base}/me`);
      await page.getByRole('heading', { name: 'Language', level: 2 }).waitFor();
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH',
      );
      await page.getByLabel('Language of the pages and your e-mails').selectOption('es');
      expect((await saved).status()).toBe(200);
      await page.getByRole('heading', { name: 'Mi página', level: 1 }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Another browser, in British English, signed in as her: Spanish, from her account.
      const elsewhere = await second.context.newPage();
      elsewhere.on('pageerror', (e) => env.pageErrors.push(e.message));
      await elsewhere.goto(`${env.server.base}/summits/gfmd-2018`);
      await elsewhere.getByRole('heading', { name: 'Programa por día' }).waitFor();
      expect(await elsewhere.evaluate(() => document.documentElement.lang)).toBe('es');
      const me = await second.context.request.get(`${env.server.base}/api/auth/me`);
      expect((await me.json()).language).toBe('es');
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('says in French what is wrong with a field: the browser’s check and the server’s refusal', async () => {
    const context = await contextIn('fr-FR');
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(e.message));
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url());
      });
      await page.goto(`${env.server.base}/summits/gfmd-2018/setup/rooms`);
      await page.getByRole('heading', { name: 'Nouvelle salle' }).waitFor();
      // The name left empty: refused in the browser, in French, and nothing sent.
      await page.getByRole('button', { name: 'Créer' }).click();
      await page.getByText('Ce champ est obligatoire.').first().waitFor();
      await expect(described(page, 'Nom')).resolves.toEqual({
        invalid: 'true',
        description: 'Ce champ est obligatoire.',
      });
      expect(posts).toEqual([]);
      // A key only the server knows is taken: its refusal, said in French from its code.
      await page.getByLabel('Nom', { exact: true }).fill('Menara');
      await page.getByLabel('Places', { exact: true }).fill('30');
      await page.getByRole('button', { name: 'Créer' }).click();
      await page.getByText('Une salle porte déjà l’identifiant « menara ».', { exact: true }).waitFor();
      await expect(described(page, 'Identifiant (dans les liens et les fichiers)')).resolves.toEqual({
        invalid: 'true',
        description:
          'Une salle porte déjà l’identifiant « menara ». | Lettres, chiffres et « - » ; il ne pourra plus être modifié.',
      });
      expect(await axeViolations(page)).toEqual([]);
      expect(env.pageErrors.splice(0)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
