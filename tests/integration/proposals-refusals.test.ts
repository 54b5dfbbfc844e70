// What a proposal refuses, each on its field and with the draft kept as it was: a programme that
// does not add up, a contact without an e-mail address, a link that is not http(s), a submission
// after the deadline; and what the support unit may do about the deadline (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOLDOVA_TITLE, moldovaProposal, summitAwaitingProposals } from '../factories/proposal.ts';
import { admin, type Session, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
let chirita: Session;
const S = '/api/summits/gfmd-2018';
const LATE = '/api/summits/gfmd-2018-late'; // its deadline, 28 September 2018, has passed

beforeAll(async () => {
  api = await testApi();
  const open = summitAwaitingProposals('2099-09-28T23:59');
  const late = summitAwaitingProposals('2018-09-28T23:59');
  late.summit.slug = 'gfmd-2018-late';
  for (const file of [open, late])
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
  chirita = await signIn(api, 'chirita@example.org');
});
afterAll(async () => {
  await api.close();
});

async function draft(summit: string, form: object = moldovaProposal()): Promise<string> {
  const res = await api.http.post(`${summit}/proposals`).set(chirita.headers).send(form);
  expect(res.status).toBe(201);
  return `${summit}/proposals/${res.body.id}`;
}
const read = async (path: string) => (await api.http.get(path).set(chirita.headers)).body;
const mailCount = async (summit: string, kind: string) =>
  (await api.http.get(`${summit}/outbox`).set(admin)).body.messages.filter(
    (m: { kind: string }) => m.kind === kind,
  ).length;

/** Submits, expecting a refusal, and checks that the draft is exactly as it was. */
async function refusedSubmit(path: string) {
  const before = await read(path);
  const res = await api.http.post(`${path}/submit`).set(chirita.headers);
  expect(await read(path)).toEqual(before);
  return [res.status, res.body.errors];
}

describe('submitting refuses, on its field, keeping the draft', () => {
  it('a programme whose minutes do not add up to the duration', async () => {
    const form = moldovaProposal();
    form.programme![1] = { ...form.programme![1]!, minutes: 20 };
    expect(await refusedSubmit(await draft(S, form))).toEqual([
      400,
      [
        {
          path: 'programme',
          message: 'the items add up to 70 minutes, the event lasts 75',
          code: 'proposal.programmeSum',
          params: { duration: 75, total: 70 },
        },
      ],
    ]);
  });

  it('a contact without an e-mail address', async () => {
    const form = moldovaProposal();
    form.contacts![2] = {
      name: 'Laura Zorrilla Fernandez',
      title: 'Knowledge Management and Communications Officer',
    };
    expect(await refusedSubmit(await draft(S, form))).toEqual([
      400,
      [
        {
          path: 'contacts[2].email',
          message: 'a contact needs an e-mail address',
          code: 'proposal.contactEmail',
        },
      ],
    ]);
  });

  it('a link that is not http(s): another scheme is refused as it is saved, none when submitted', async () => {
    const path = await draft(S);
    const before = await read(path);
    const patched = await api.http
      .patch(path)
      .set(chirita.headers)
      .send({
        materials: [{ title: 'MIEUX Annual Report 2017', url: 'ftp://mieux-initiative.eu/report.pdf' }],
      });
    expect([patched.status, patched.body.errors, await read(path)]).toEqual([
      400,
      [
        {
          path: 'materials[0].url',
          message: 'must be a link starting with http:// or https://',
          code: 'httpLink',
        },
      ],
      before,
    ]);
    await api.http
      .patch(path)
      .set(chirita.headers)
      .send({ materials: [{ title: 'MIEUX Annual Report 2017', url: 'www.mieux-initiative.eu' }] });
    expect(await refusedSubmit(path)).toEqual([
      400,
      [
        {
          path: 'materials[0].url',
          message: 'must be a link starting with http:// or https://',
          code: 'httpLink',
        },
      ],
    ]);
  });

  it('every problem of a form hardly begun, at once', async () => {
    const [status, errors] = await refusedSubmit(
      await draft(S, { title: MOLDOVA_TITLE, durationMinutes: 75 }),
    );
    expect([status, errors.map((e: { path: string }) => e.path)]).toEqual([
      400,
      ['organisers', 'contacts', 'description', 'objective', 'expectedResults', 'format', 'programme'],
    ]);
  });

  it('after the deadline, with a sentence and no mail', async () => {
    expect(await refusedSubmit(await draft(LATE))).toEqual([
      409,
      [
        {
          path: '',
          message:
            'the deadline for proposals to GFMD 2018 Summit passed on Fri 28 Sep 2018 at 23:59 (Africa/Casablanca): ask the support unit to extend it for this proposal',
          code: 'deadlinePassed',
          params: { summit: 'GFMD 2018 Summit', day: '2018-09-28' },
        },
      ],
    ]);
    expect(await mailCount(LATE, 'proposal_submitted')).toBe(0);
  });

  it('offers no submit button to an organiser after the deadline', async () => {
    expect((await read(await draft(LATE))).actions).toEqual(['edit', 'withdraw', 'comment']);
  });
});

describe('the deadline, in the support unit’s hands', () => {
  it('is extended for one proposal: its organisers are told and may submit it', async () => {
    const path = await draft(LATE);
    const extended = await api.http.put(`${path}/deadline`).set(admin).send({ until: '2018-10-05T23:59' });
    expect([extended.status, extended.body.deadline, extended.body.deadlineExtended]).toEqual([
      200,
      '2018-10-05T23:59+01:00',
      true,
    ]);
    expect(await mailCount(LATE, 'proposal_deadline')).toBe(3);
    const before = (await api.http.get(`${LATE}/audit`).set(admin)).body[0];
    expect([before.action, before.after]).toEqual([
      'extend_deadline',
      { deadline: '2018-10-05T22:59:00.000Z' },
    ]);
  });

  it('extended into the future, lets its organisers submit on time', async () => {
    const path = await draft(LATE);
    await api.http.put(`${path}/deadline`).set(admin).send({ until: '2099-01-01T00:00Z' });
    const res = await api.http.post(`${path}/submit`).set(chirita.headers);
    expect([res.status, res.body.status, res.body.late]).toEqual([200, 'submitted', false]);
  });

  it('is not extended by an organiser (403), nor for a proposal already submitted (409)', async () => {
    const path = await draft(S);
    const byOrganiser = await api.http
      .put(`${path}/deadline`)
      .set(chirita.headers)
      .send({ until: '2099-12-31T23:59' });
    expect([byOrganiser.status, byOrganiser.body.errors]).toEqual([
      403,
      [{ path: '', message: "only the support unit extends a proposal's deadline" }],
    ]);
    await api.http.post(`${path}/submit`).set(chirita.headers);
    const submitted = await api.http.put(`${path}/deadline`).set(admin).send({ until: '2099-12-31T23:59' });
    expect([submitted.status, submitted.body.errors]).toEqual([
      409,
      [{ path: '', message: 'only the deadline of a draft can be extended: this proposal was submitted' }],
    ]);
  });

  it('takes a late proposal by submitting it itself: marked late, recorded, and answered without a deadline', async () => {
    const path = await draft(LATE);
    const res = await api.http.post(`${path}/submit`).set(admin);
    expect([res.status, res.body.status, res.body.late]).toEqual([200, 'submitted', true]);
    const [lateEntry, submitEntry] = (await api.http.get(`${LATE}/audit`).set(admin)).body;
    expect([lateEntry.action, lateEntry.after, submitEntry.action, submitEntry.after]).toEqual([
      'accept_late',
      { deadline: 'Fri 28 Sep 2018 at 23:59 (Africa/Casablanca)' },
      'submit',
      { status: 'submitted', late: true },
    ]);
    const [mail] = (await api.http.get(`${LATE}/outbox`).set(admin)).body.messages;
    expect(mail.bodyText).toContain(
      'It came after the deadline, and the support unit has taken it all the same.',
    );
    // A change request after the deadline is answered all the same: the deadline closes first submissions.
    await api.http
      .post(`${path}/decision`)
      .set(admin)
      .send({ decision: 'request_changes', message: 'Add a moderator.' });
    const again = await api.http.post(`${path}/submit`).set(chirita.headers);
    expect([again.status, again.body.status]).toEqual([200, 'submitted']);
  });
});

describe('bad input: 400 naming the field, never 500', () => {
  it('drops a "__proto__" member rather than letting it reach the form', async () => {
    const path = await draft(S);
    const res = await api.http
      .patch(path)
      .set(chirita.headers)
      .set('content-type', 'application/json')
      .send('{"__proto__": {"title": "Polluted"}, "expectedAttendance": 130}');
    expect([
      res.status,
      res.body.title,
      res.body.expectedAttendance,
      ({} as { title?: string }).title,
    ]).toEqual([200, MOLDOVA_TITLE, 130, undefined]);
  });

  it('takes no body at all as an empty draft', async () => {
    const res = await api.http.post(`${S}/proposals`).set(chirita.headers);
    expect([res.status, res.body.status, res.body.title]).toEqual([201, 'draft', undefined]);
  });

  const cases: [string, (path: string) => Promise<{ status: number; body: { errors: unknown } }>, unknown][] =
    [
      [
        'a decision not in the list',
        (p) => api.http.post(`${p}/decision`).set(admin).send({ decision: 'maybe' }),
        [
          {
            path: 'decision',
            message: 'Invalid option: expected one of "accept"|"reject"|"request_changes"',
            code: 'invalidValue',
            params: { count: 3, options: 'accept, reject, request_changes' },
          },
        ],
      ],
      [
        'changes requested without a message',
        async (p) => {
          await api.http.post(`${p}/submit`).set(chirita.headers);
          return api.http.post(`${p}/decision`).set(admin).send({ decision: 'request_changes' });
        },
        [{ path: 'message', message: 'say what should change, in a message to the organisers' }],
      ],
      [
        'a status written as a field',
        (p) => api.http.patch(p).set(chirita.headers).send({ status: 'accepted' }),
        [
          {
            path: 'status',
            message: 'the status changes through submit, withdraw and decision, not by PATCH',
          },
        ],
      ],
      [
        'a field the form does not have',
        (p) => api.http.patch(p).set(chirita.headers).send({ budget: 5000 }),
        [
          {
            path: '',
            message: 'unknown field "budget"',
            code: 'unknownField',
            params: { count: 1, keys: 'budget' },
          },
        ],
      ],
      [
        'a time that does not exist',
        (p) =>
          api.http
            .patch(p)
            .set(chirita.headers)
            .send({ preferredStarts: ['2018-02-30T08:30'] }),
        [{ path: 'preferredStarts[0]', message: '"2018-02-30T08:30" is not a time' }],
      ],
      [
        'an If-Match that names no version',
        (p) => api.http.patch(p).set(chirita.headers).set('If-Match', 'yesterday').send({ format: 'lunch' }),
        [{ path: 'if-match', message: 'If-Match names a version: "3"' }],
      ],
      [
        'an Idempotency-Key too long',
        (p) => api.http.post(`${p}/submit`).set(chirita.headers).set('Idempotency-Key', 'k'.repeat(256)),
        [
          {
            path: 'idempotency-key',
            message: 'Too big: expected string to have <=255 characters',
            code: 'tooLong',
            params: { maximum: 255 },
          },
        ],
      ],
      [
        'a proposal id that is not a number',
        (p) => api.http.get(p.replace(/\d+$/, 'capacity-building')).set(chirita.headers),
        [
          {
            path: 'params.id',
            message: 'Invalid input: expected number, received NaN',
            code: 'invalidType',
            params: { expected: 'number' },
          },
        ],
      ],
      [
        'a nested field that is not an object',
        (p) => api.http.patch(p).set(chirita.headers).send({ requirements: 5 }),
        [
          {
            path: 'requirements',
            message: 'Invalid input: expected object, received number',
            code: 'invalidType',
            params: { expected: 'object' },
          },
        ],
      ],
      [
        'a page beyond any id',
        () => api.http.get(`${S}/proposals?before=99999999999`).set(admin),
        [
          {
            path: 'query.before',
            message: 'Too big: expected number to be <=2147483647',
            code: 'atMost',
            params: { maximum: 2147483647 },
          },
        ],
      ],
      [
        'an empty comment',
        (p) => api.http.post(`${p}/comments`).set(chirita.headers).send({ body: '  ' }),
        [{ path: 'body', message: 'a comment needs some text', code: 'required' }],
      ],
      [
        'a report with a negative attendance',
        (p) => api.http.put(`${p}/report`).set(chirita.headers).send({ attendance: -1, conclusions: 'None' }),
        [
          {
            path: 'attendance',
            message: 'Too small: expected number to be >=0',
            code: 'atLeast',
            params: { minimum: 0 },
          },
        ],
      ],
      [
        'an unknown status in the list’s filter',
        () => api.http.get(`${S}/proposals?status=submitted,open`).set(admin),
        [
          {
            path: 'query.status[1]',
            message:
              'Invalid option: expected one of "draft"|"submitted"|"changes_requested"|"accepted"|"rejected"|"withdrawn"|"scheduled"',
            code: 'invalidValue',
            params: {
              options: 'draft, submitted, changes_requested, accepted, rejected, withdrawn, scheduled',
              count: 7,
            },
          },
        ],
      ],
    ];
  it.each(cases)('%s', async (_name, request, errors) => {
    const res = await request(await draft(S));
    expect([res.status, res.body.errors]).toEqual([400, errors]);
  });
});
