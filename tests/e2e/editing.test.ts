import { describe, expect, it } from 'vitest';
import { axeViolations, described, openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

describe.skipIf(skipBrowser)('the support unit editing the summit in the app', () => {
  const env = supportUnitBrowser();
  const open = (path: string) =>
    openPage(env.context, `${env.server.base}/summits/gfmd-2018${path}`, env.pageErrors);
  const roomKeys = async () =>
    (
      (await (await env.context.request.get(`${env.server.base}/api/summits/gfmd-2018/rooms`)).json()) as {
        key: string;
      }[]
    ).map((r) => r.key);

  it('adds a person with a role to a session and removes another, and the session page shows them', async () => {
    const session = await open('/sessions/business-meeting');
    await session.getByRole('link', { name: 'Change this session' }).click();
    const page = session;
    await page.getByRole('heading', { name: 'Change the session “GFMD Business Meeting”' }).waitFor();
    await page.getByText('El Habib Nadir, Co-chair').waitFor();
    // The live check: the saved values are in no conflict.
    await page.getByText('With these values it would be in no conflict.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Dilip Ratha' });
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Speaker' });
    await page.getByRole('button', { name: 'Add the participant' }).click();
    await page.getByText('Dilip Ratha, Speaker').waitFor();
    await page.getByRole('button', { name: 'Remove El Habib Nadir (Co-chair)' }).click();
    await page.getByText('El Habib Nadir, Co-chair').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Back to the session' }).click();
    await page.getByRole('heading', { name: 'Speakers' }).waitFor();
    const groups = await page
      .locator('.role-group')
      .evaluateAll((sections) =>
        sections.map((s) => [
          s.querySelector('h3')?.textContent,
          [...s.querySelectorAll('li')].map((li) => li.textContent),
        ]),
      );
    expect(groups).toEqual([
      ['Co-chairs', ['Götz Schmidt-Bremme, GFMD Co-Chair, Germany, Federal Republic of Germany']],
      ['Speakers', ['Dilip Ratha, Head of KNOMAD, KNOMAD/World Bank']],
    ]);
    await page.close();
  });

  it('changes a session’s title and shows the conflicts a new time would bring before saving', async () => {
    const page = await open('/sessions/se-narratives/edit');
    await page.getByLabel('Title', { exact: true }).fill('Changing the narrative: the role of cities');
    // Over the business meeting's room and time: the check says so as it is typed.
    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Palmeraie Plenary Hall' });
    await page.getByLabel('Start (Africa/Casablanca)').fill('2018-12-06T16:30');
    await page.getByLabel('End (Africa/Casablanca)').fill('2018-12-06T17:30');
    await page.getByText(/Palmeraie Plenary Hall is booked twice/).waitFor();
    // Back to its own place, then saved.
    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Orangeraie Room' });
    await page.getByLabel('Start (Africa/Casablanca)').fill('2018-12-06T13:15');
    await page.getByLabel('End (Africa/Casablanca)').fill('2018-12-06T14:25');
    await page.getByText('With these values it would be in no conflict.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    const saved = await env.context.request.get(
      `${env.server.base}/api/summits/gfmd-2018/sessions/se-narratives`,
    );
    expect(await saved.json()).toMatchObject({
      title: 'Changing the narrative: the role of cities',
      room: 'orangeraie',
      start: '2018-12-06T13:15+01:00',
      end: '2018-12-06T14:25+01:00',
    });
    await page.close();
  });

  it('saves a published session into a hard conflict only once it is accepted with a reason', async () => {
    const page = await open('/sessions/se-narratives/edit');
    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Palmeraie Plenary Hall' });
    await page.getByLabel('Start (Africa/Casablanca)').fill('2018-12-06T16:30');
    await page.getByLabel('End (Africa/Casablanca)').fill('2018-12-06T17:30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This session is published' });
    await refusal.getByText(/^Accept: Palmeraie Plenary Hall is booked twice/).waitFor();
    expect(env.pageErrors.splice(0)).toEqual([expect.stringContaining('409')]);
    // Refused: nothing saved yet.
    const url = `${env.server.base}/api/summits/gfmd-2018/sessions/se-narratives`;
    expect(await (await env.context.request.get(url)).json()).toMatchObject({ room: 'orangeraie' });
    expect(await axeViolations(page)).toEqual([]);
    const reasons = refusal.getByLabel(/^Why it is acceptable \(required\): /);
    expect(await reasons.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label')))).toEqual([
      'Why it is acceptable (required): Palmeraie Plenary Hall is booked twice on Thu 6 Dec 16:30–17:30: "Changing the narrative: the role of cities" and "GFMD Business Meeting".',
      'Why it is acceptable (required): "Changing the narrative: the role of cities" (Thu 6 Dec 16:30–17:30) is outside its segment "Side events (lunch)" (Thu 6 Dec 13:00–14:30).',
    ]);
    for (const input of await reasons.all()) await input.fill('a short briefing before the business meeting');
    await refusal.getByRole('button', { name: 'Save, accepting these conflicts' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await (await env.context.request.get(url)).json()).toMatchObject({
      room: 'palmeraie',
      start: '2018-12-06T16:30+01:00',
      end: '2018-12-06T17:30+01:00',
    });
    await page.close();
  });

  it('creates a room and sees it in the list', async () => {
    const page = await open('/setup/rooms');
    await page.getByRole('heading', { name: 'New room' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill('Salle Tensift');
    await expect(page.getByLabel('Identifier (in links and files)').inputValue()).resolves.toBe(
      'salle-tensift',
    );
    await page.getByLabel('Seats', { exact: true }).fill('45');
    await page.getByLabel('Building and floor').fill('Conference centre, level 1');
    await page.getByLabel('Projector').check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Saved.').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Salle Tensift' });
    await expect(item.locator('span').first().textContent()).resolves.toBe(
      '45 seats, Conference centre, level 1',
    );
    const room = await env.context.request.get(
      `${env.server.base}/api/summits/gfmd-2018/rooms/salle-tensift`,
    );
    expect(await room.json()).toEqual({
      key: 'salle-tensift',
      name: 'Salle Tensift',
      capacity: 45,
      building: 'Conference centre, level 1',
      equipment: ['projector'],
      microphones: 0,
      changeoverMinutes: 0,
    });
    await page.close();
  });

  it('shows a bad value’s message on its field and saves nothing', async () => {
    const before = await roomKeys();
    const page = await open('/setup/rooms');
    await page.getByLabel('Name', { exact: true }).fill('Salle Ourika');
    await page.getByLabel('Seats', { exact: true }).fill('-5');
    await page.getByRole('button', { name: 'Create' }).click();
    // In the form's error summary, which takes the focus, as a link to the field; and on the field.
    const summary = page.getByRole('region', { name: 'There is 1 problem' });
    await summary.getByRole('link', { name: 'Seats: Must be 0 or more.', exact: true }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(described(page, 'Seats')).resolves.toEqual({
      invalid: 'true',
      description: 'Must be 0 or more.',
    });
    // What only the server knows: the key is taken.
    await page.getByLabel('Seats', { exact: true }).fill('30');
    await page.getByLabel('Identifier (in links and files)').fill('menara');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('A room with the identifier “menara” already exists.', { exact: true }).waitFor();
    await expect(described(page, 'Identifier (in links and files)')).resolves.toEqual({
      invalid: 'true',
      description:
        'A room with the identifier “menara” already exists. | Letters, digits and “-”; it cannot be changed later.',
    });
    expect(await roomKeys()).toEqual(before);
    expect(env.pageErrors.splice(0)).toEqual([expect.stringContaining('409')]);
    await page.close();
  });

  it('opens every editor clean for axe-core', async () => {
    const pages: Record<string, string[]> = {};
    for (const [path, heading] of [
      ['/setup', 'Set up the summit'],
      ['/setup/segments', 'Segments'],
      ['/setup/delegations', 'Delegations'],
      ['/setup/people', 'People'],
      ['/setup/people?edit=p-morari', 'Change “Daniela Morari”'],
      ['/setup/new-session?day=2018-12-06', 'New session'],
    ] as const) {
      const page = await open(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      pages[path] = await axeViolations(page);
      await page.close();
    }
    expect(pages).toEqual({
      '/setup': [],
      '/setup/segments': [],
      '/setup/delegations': [],
      '/setup/people': [],
      '/setup/people?edit=p-morari': [],
      '/setup/new-session?day=2018-12-06': [],
    });
  });

  it('creates a session from the programme and opens its editor for participants', async () => {
    const page = await open('/programme/2018-12-06?view=list');
    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Support unit briefing');
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Meeting' });
    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Majorelle Room' });
    await page.getByLabel('Start (Africa/Casablanca)').fill('2018-12-06T08:00');
    await page.getByLabel('End (Africa/Casablanca)').fill('2018-12-06T08:45');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Change the session “Support unit briefing”' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/summits/gfmd-2018/sessions/support-unit-briefing/edit');
    await page.getByText('No participant is listed yet.').waitFor();
    await page.close();
  });

  it('are not found for a delegate', async () => {
    const { context } = await signedInAs(env, 'morari@example.org');
    const seen: Record<string, number> = {};
    for (const path of ['/setup', '/setup/rooms', '/setup/new-session', '/sessions/business-meeting/edit']) {
      const tab = await openPage(context, `${env.server.base}/summits/gfmd-2018${path}`, env.pageErrors);
      await tab.getByText('This page does not exist.').waitFor();
      seen[path] = await tab.getByRole('button', { name: /Create|Save|Add the participant/ }).count();
      await tab.close();
    }
    expect(seen).toEqual({
      '/setup': 0,
      '/setup/rooms': 0,
      '/setup/new-session': 0,
      '/sessions/business-meeting/edit': 0,
    });
    await context.close();
  });
});
