// The published programme's exports (issue 12, item 3): schedule.xml and schedule.json valid
// against the public frab/pretalx schemas, calendar.ics parsed back with the API's instants,
// schedule.csv safe in a spreadsheet; public for a published summit, 404 where the caller sees no
// summit, drafts never exported, ETag / If-None-Match → 304.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { demoSummitFile } from '../factories/summit-file.ts';
import { admin, asText, testApi, type TestApi } from '../support/app.ts';
import {
  jsonScheduleErrors,
  parseIcs,
  schemasMissing,
  xmllintMissing,
  xmllintSchedule,
} from '../support/schedule-formats.ts';

let api: TestApi;
const DEMO = '/api/summits/gfmd-2018';
const ODD = '/api/summits/ab';

const get = (path: string, headers: Record<string, string> = {}) => asText(api.http.get(path).set(headers));

/** A summit's schedule.xml once xmllint has validated it against the XSD (the test skips without it). */
async function validatedXml(ctx: TestContext, path: string): Promise<string> {
  const missing = xmllintMissing();
  if (missing) ctx.skip(missing);
  const { body } = await get(`${path}/schedule.xml`);
  expect(xmllintSchedule(body)).toEqual({ ok: true, output: expect.stringMatching(/validates$/) });
  return body;
}

/** A summit whose slug, names and titles trip naive writers. */
function awkwardSummit(): SummitFileInput {
  return {
    format: 'summit/1',
    summit: {
      slug: 'ab',
      name: 'Dialogue "Sud–Nord" & <Partenaires>; حوار, 对话',
      venue: 'Palais des Congrès, Rabat',
      timeZone: 'Asia/Kathmandu',
      startDate: '2026-02-18',
      endDate: '2026-02-19',
    },
    rooms: [{ key: 'r1', name: 'Salle <A> & "B"', capacity: 40, building: 'Bâtiment, Nord' }],
    people: [{ key: 'p1', name: 'Amina El-Idrissi; "Mina"' }],
    sessions: [
      {
        key: 'formula',
        kind: 'meeting',
        title: '=HYPERLINK("http://evil.example/","Click me")',
        room: 'r1',
        start: '2026-02-18T09:00',
        end: '2026-02-18T10:00',
        status: 'published',
        participants: [{ person: 'p1', role: 'moderator' }],
      },
      {
        key: 'punctuation',
        kind: 'roundtable',
        title: 'Trade, "fair" and free; حوار الهجرة والتنمية — 移民与发展 ]]> & more',
        start: '2026-02-19T14:15',
        end: '2026-02-19T15:45',
        status: 'published',
      },
    ],
  };
}

beforeAll(async () => {
  api = await testApi();
  // The demo summit imported as drafts, then published the way the support unit publishes.
  const demo = demoSummitFile();
  for (const s of demo.sessions ?? []) delete s.status;
  expect((await api.http.post('/api/summits/import').set(admin).send(demo)).status).toBe(201);
  expect((await api.http.post('/api/summits/import').set(admin).send(awkwardSummit())).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

const EXPORTS = ['schedule.xml', 'schedule.json', 'calendar.ics', 'schedule.csv'] as const;

describe('a summit nobody may see yet', () => {
  it('answers 404 to anonymous callers for every export, as for a summit that does not exist', async () => {
    for (const file of EXPORTS) {
      const res = await get(`${DEMO}/${file}`);
      expect([file, res.status, JSON.parse(res.body)]).toEqual([
        file,
        404,
        { errors: [{ path: '', message: 'summit "gfmd-2018" not found' }] },
      ]);
    }
  });
});

describe('the demo summit, published', () => {
  beforeAll(async () => {
    // The demo's hard conflicts are accepted by name, as the support unit does.
    const report = await api.http.get(`${DEMO}/conflicts?limit=500`).set(admin);
    const accept = report.body.conflicts
      .filter((c: { severity: string }) => c.severity === 'hard')
      .map(
        (c: { code: string; sessions: string[]; room?: string; person?: string; delegation?: string }) => ({
          code: c.code,
          sessions: c.sessions,
          ...(c.room && { room: c.room }),
          ...(c.person && { person: c.person }),
          ...(c.delegation && { delegation: c.delegation }),
          reason: 'the demo programme as the GFMD published it',
        }),
      );
    const published = await api.http.post(`${DEMO}/publish`).set(admin).send({ accept });
    expect([published.status, published.body.published]).toEqual([200, 21]);
    // A draft added after publishing: no export may show it.
    const draft = await api.http.post(`${DEMO}/sessions`).set(admin).send({
      key: 'draft-briefing',
      kind: 'meeting',
      title: 'Draft briefing of the Troika',
      room: 'palmeraie',
      start: '2018-12-06T19:00',
      end: '2018-12-06T19:30',
    });
    expect(draft.status).toBe(201);
  });

  it('serves each export publicly with its type, file name and a weak ETag', async () => {
    const types = {
      'schedule.xml': 'application/xml; charset=utf-8',
      'schedule.json': 'application/json; charset=utf-8',
      'calendar.ics': 'text/calendar; charset=utf-8',
      'schedule.csv': 'text/csv; charset=utf-8',
    };
    for (const file of EXPORTS) {
      const res = await get(`${DEMO}/${file}`);
      expect([res.status, res.headers['content-type'], res.headers['content-disposition']]).toEqual([
        200,
        types[file],
        `attachment; filename="gfmd-2018-${file}"`,
      ]);
      // The CSV's tag also names the language of its headings (the summit's: English).
      expect(res.headers.etag).toMatch(file === 'schedule.csv' ? /^W\/"[\w-]{22}-en"$/ : /^W\/"[\w-]{22}"$/);
      expect(res.body).not.toContain('Draft briefing');
    }
  });

  it('answers 304 with no body to If-None-Match with the current ETag, 200 to a stale one', async () => {
    for (const file of EXPORTS) {
      const first = await get(`${DEMO}/${file}`);
      const again = await get(`${DEMO}/${file}`, { 'if-none-match': String(first.headers.etag) });
      expect([file, again.status, again.body, again.headers.etag]).toEqual([
        file,
        304,
        '',
        first.headers.etag,
      ]);
      const stale = await get(`${DEMO}/${file}`, { 'if-none-match': 'W/"something-else"' });
      expect([file, stale.status]).toEqual([file, 200]);
    }
  });

  it('schedule.xml validates against schedule.xml.xsd with xmllint', async (ctx) => {
    const xml = await validatedXml(ctx, DEMO);
    expect(xml).toContain('<acronym>gfmd_2018</acronym>');
    expect(xml).toContain('<time_zone_name>Africa/Casablanca</time_zone_name>');
  });

  it('schedule.json validates against schema.json (draft 06) and says what the XML says', async (ctx) => {
    const missing = schemasMissing();
    if (missing) return ctx.skip(missing);
    const res = await get(`${DEMO}/schedule.json`);
    const json = JSON.parse(res.body);
    expect(jsonScheduleErrors(json)).toEqual([]);
    const conference = json.schedule.conference;
    expect([conference.acronym, conference.daysCount, conference.start, conference.end]).toEqual([
      'gfmd_2018',
      3,
      '2018-12-05',
      '2018-12-07',
    ]);
    const opening = conference.days[0].rooms['Palmeraie Plenary Hall'][0];
    expect(opening).toMatchObject({
      date: '2018-12-05T09:00:00+01:00',
      start: '09:00',
      end: '2018-12-05T10:30:00+01:00',
      duration: '01:30',
      room: 'Palmeraie Plenary Hall',
      title: 'Opening of the Eleventh GFMD Summit',
      type: 'Plenary',
      url: 'http://convene.test/summits/gfmd-2018/sessions/opening',
    });
    expect(opening.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const events = conference.days.flatMap((d: { rooms: Record<string, unknown[]> }) =>
      Object.values(d.rooms).flat(),
    );
    expect(events).toHaveLength(21);
  });

  it('says each event’s language: the first the session is held in (schedule.json and schedule.xml)', async () => {
    const json = JSON.parse((await get(`${DEMO}/schedule.json`)).body);
    const events = json.schedule.conference.days.flatMap((d: { rooms: Record<string, unknown[]> }) =>
      Object.values(d.rooms).flat(),
    ) as { title: string; language: string | null }[];
    const language = (start: string) => events.find((e) => e.title.startsWith(start))?.language;
    expect([
      language('Opening'),
      language('RT 1.2'),
      language('RT 2.2'),
      language('Marketplace: skills'),
    ]).toEqual(['en', 'fr', 'es', 'fr']);
    const xml = (await get(`${DEMO}/schedule.xml`)).body;
    expect(xml.match(/<language>[a-z]{2}<\/language>/g)?.length).toBe(21);
    expect(xml).toMatch(
      /<title>RT 1\.2 [^<]*<\/title>\s*<type>Roundtable<\/type>\s*<track>[^<]*<\/track>\s*<language>fr<\/language>/,
    );
  });

  it('calendar.ics: one VTIMEZONE for Africa/Casablanca, the API’s instants, stable UIDs', async () => {
    const first = parseIcs((await get(`${DEMO}/calendar.ics`)).body);
    const second = parseIcs((await get(`${DEMO}/calendar.ics`)).body);
    expect(first.cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(first.zones.map((z) => z.tzid)).toEqual(['Africa/Casablanca']);
    expect(first.events).toHaveLength(21);
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    const page = (await api.http.get(`${DEMO}/programme/sessions/opening`)).body.session;
    expect(page.start).toBe('2018-12-05T09:00+01:00');
    const opening = first.events.find((e) => e.uid === 'opening@gfmd-2018.convene')!;
    expect(opening).toEqual({
      uid: 'opening@gfmd-2018.convene',
      summary: 'Opening of the Eleventh GFMD Summit',
      start: Date.parse(page.start),
      end: Date.parse(page.end),
      tzid: 'Africa/Casablanca',
    });
    expect(opening.start).toBe(Date.UTC(2018, 11, 5, 8, 0));
  });

  it('a French summit’s calendar.ics and schedule.json name roles and kinds in French', async () => {
    const file = awkwardSummit();
    file.summit = { ...file.summit, slug: 'sommet-fr', language: 'fr' };
    file.sessions = [{ ...file.sessions![0]!, kind: 'roundtable', title: 'Table ronde 1' }];
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const ics: string = (await get('/api/summits/sommet-fr/calendar.ics')).body;
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('DESCRIPTION:Modération : Amina El-Idrissi\\; "Mina".');
    const json = JSON.parse((await get('/api/summits/sommet-fr/schedule.json')).body);
    const events = json.schedule.conference.days.flatMap(
      (d: { rooms: Record<string, { type: string; abstract: string }[]> }) => Object.values(d.rooms).flat(),
    );
    expect(events.map((e: { type: string; abstract: string }) => [e.type, e.abstract])).toEqual([
      ['Table ronde', 'Modération : Amina El-Idrissi; "Mina".'],
    ]);
  });

  it('schedule.csv: a header and one row per published session, in the summit’s zone', async () => {
    const res = await get(`${DEMO}/schedule.csv`);
    expect(res.body.startsWith('\uFEFFDay,Start,End,Room,Title,Kind,Segment,Participants\r\n')).toBe(true);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(21);
    expect(rows[0]).toEqual({
      Day: '2018-12-05',
      Start: '09:00',
      End: '10:30',
      Room: 'Palmeraie Plenary Hall',
      Title: 'Opening of the Eleventh GFMD Summit',
      Kind: 'Plenary',
      Segment: expect.any(String),
      Participants: expect.stringContaining('Germany'),
    });
  });

  it('schedule.csv?lang=fr writes French headings and kinds, under their own ETag', async () => {
    const res = await get(`${DEMO}/schedule.csv?lang=fr`, { 'accept-language': 'es' });
    expect(res.body.startsWith('\uFEFFJour,Début,Fin,Salle,Titre,Type,Segment,Participants\r\n')).toBe(true);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect([rows[0]!.Titre, rows[0]!.Type]).toEqual([
      'Opening of the Eleventh GFMD Summit',
      'Séance plénière',
    ]);
    expect(res.headers.etag).toMatch(/^W\/"[\w-]{22}-fr"$/);
    expect(res.headers.vary).toBe('Accept-Language');
  });

  it('schedule.csv in Spanish when Accept-Language prefers it and no ?lang= is given', async () => {
    const res = await get(`${DEMO}/schedule.csv`, { 'accept-language': 'de-DE, es-ES;q=0.8, en;q=0.5' });
    expect(res.body.startsWith('\uFEFFDía,Inicio,Fin,Sala,Título,Tipo,Segmento,Participantes\r\n')).toBe(
      true,
    );
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]!.Tipo).toBe('Sesión plenaria');
  });

  it('schedule.csv?lang=de is refused, naming lang', async () => {
    const res = await api.http.get(`${DEMO}/schedule.csv?lang=de`);
    expect([res.status, res.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['query.lang']]);
  });
});

describe('a summit with an awkward slug, names and titles', () => {
  it('schedule.xml still validates (slug "ab", <, &, quotes, Arabic, Chinese, "]]>")', async (ctx) => {
    const xml = await validatedXml(ctx, ODD);
    expect(xml).toContain('<acronym>ab__</acronym>');
    expect(xml).toContain(
      '<title>Dialogue &quot;Sud–Nord&quot; &amp; &lt;Partenaires&gt;; حوار, 对话</title>',
    );
  });

  it('schedule.json still validates, a session without a room in the "No room" room', async (ctx) => {
    const missing = schemasMissing();
    if (missing) return ctx.skip(missing);
    const json = JSON.parse((await get(`${ODD}/schedule.json`)).body);
    expect(jsonScheduleErrors(json)).toEqual([]);
    const day2 = json.schedule.conference.days[1];
    expect(Object.keys(day2.rooms)).toEqual(['No room']);
    expect(day2.rooms['No room'][0]).toMatchObject({
      title: 'Trade, "fair" and free; حوار الهجرة والتنمية — 移民与发展 ]]> & more',
      date: '2026-02-19T14:15:00+05:45',
      slug: expect.stringMatching(/^ab__-\d+-punctuation$/),
    });
  });

  it('calendar.ics keeps commas, semicolons, quotes, Arabic and Chinese through escaping and folding', async () => {
    const text: string = (await get(`${ODD}/calendar.ics`)).body;
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { events } = parseIcs(text);
    expect(events.map((e) => e.summary)).toEqual([
      '=HYPERLINK("http://evil.example/","Click me")',
      'Trade, "fair" and free; حوار الهجرة والتنمية — 移民与发展 ]]> & more',
    ]);
    expect(events[1]!.start).toBe(Date.parse('2026-02-19T14:15+05:45'));
  });

  it('schedule.csv neutralises a formula and round-trips commas and quotes', async () => {
    const res = await get(`${ODD}/schedule.csv`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example/"",""Click me"")"`);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        Day: '2026-02-18',
        Start: '09:00',
        End: '10:00',
        Room: 'Salle <A> & "B"',
        Title: `'=HYPERLINK("http://evil.example/","Click me")`,
        Kind: 'Meeting',
        Segment: '',
        Participants: 'Amina El-Idrissi; "Mina"',
      },
      {
        Day: '2026-02-19',
        Start: '14:15',
        End: '15:45',
        Room: '',
        Title: 'Trade, "fair" and free; حوار الهجرة والتنمية — 移民与发展 ]]> & more',
        Kind: 'Roundtable',
        Segment: '',
        Participants: '',
      },
    ]);
  });
});
