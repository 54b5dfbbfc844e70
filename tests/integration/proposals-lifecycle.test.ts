// The Moldova/ICMPD side event of seed 003, from the organiser's first keystroke to a room in the
// programme and the report after it (issue 10): drafted, saved as typed, submitted, sent back for
// changes, submitted again, accepted as a session, placed, scheduled, reported on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOLDOVA_TITLE, moldovaProposal } from '../factories/proposal.ts';
import { admin, type Session, signIn, type TestApi } from '../support/app.ts';
import { proposalsApi } from '../support/proposals.ts';

let api: TestApi;
let chirita: Session; // ICMPD, who fills in the form
let morari: Session; // Moldova, a contact on the form
const S = '/api/summits/gfmd-2018';
let id = 0;
const P = () => `${S}/proposals/${id}`;

beforeAll(async () => {
  api = await proposalsApi();
  chirita = await signIn(api, 'chirita@example.org');
  morari = await signIn(api, 'morari@example.org');
});
afterAll(async () => {
  await api.close();
});

const stamps = {
  createdAt: expect.any(String),
  updatedAt: expect.any(String),
  submittedAt: null,
  decidedAt: null,
};
const mails = async (kind: string) =>
  (await api.http.get(`${S}/outbox`).set(admin)).body.messages
    .filter((m: { kind: string }) => m.kind === kind)
    .map((m: { recipient: string; subject: string }) => `${m.recipient}: ${m.subject}`)
    .sort();
const organisers = ['Republic of Moldova', 'International Centre for Migration Policy Development'];

describe('drafting', () => {
  it('starts a draft for anyone signed in, who becomes its organiser', async () => {
    const res = await api.http.post(`${S}/proposals`).set(chirita.headers).send({ title: MOLDOVA_TITLE });
    id = res.body.id;
    expect([res.status, res.headers.etag, res.body]).toEqual([
      201,
      '"1"',
      {
        title: MOLDOVA_TITLE,
        id,
        status: 'draft',
        version: 1,
        organiserNames: [],
        session: null,
        placement: null,
        deadline: '2099-09-28T23:59+01:00',
        deadlineExtended: false,
        late: false,
        report: null,
        actions: ['edit', 'submit', 'withdraw', 'comment'],
        ...stamps,
      },
    ]);
  });

  it('saves the rest of the form as it is typed (a merge patch), times read in the summit’s zone', async () => {
    const { title: _, ...rest } = moldovaProposal();
    const res = await api.http.patch(P()).set(chirita.headers).set('If-Match', '"1"').send(rest);
    expect([res.status, res.body.version, res.body.organiserNames, res.body.preferredStarts]).toEqual([
      200,
      2,
      organisers,
      ['2018-12-07T08:30+01:00'],
    ]);
    const { id: _id, version, status, actions, organiserNames, deadline, ...form } = res.body;
    const { session, placement, deadlineExtended, late, report, ...fields } = form;
    for (const k of Object.keys(stamps)) delete fields[k];
    expect(fields).toEqual({ ...moldovaProposal(), preferredStarts: ['2018-12-07T08:30+01:00'] });
  });

  it('merges a nested object member by member, and null removes a member', async () => {
    const res = await api.http
      .patch(P())
      .set(chirita.headers)
      .send({ requirements: { microphones: 7 }, moderator: { organisation: null } });
    expect([res.status, res.body.requirements, res.body.moderator]).toEqual([
      200,
      { capacity: 220, equipment: ['projector', 'screen', 'hdmi', 'usb'], microphones: 7 },
      { name: 'Ms. Daniela Morari', title: 'State Secretary for European Integration' },
    ]);
    const back = await api.http
      .patch(P())
      .set(chirita.headers)
      .send({ requirements: { microphones: 6 }, moderator: moldovaProposal().moderator });
    expect(back.body.version).toBe(4);
  });

  it('refuses a change based on an older version (If-Match), keeping the draft', async () => {
    const res = await api.http
      .patch(P())
      .set(chirita.headers)
      .set('If-Match', '"2"')
      .send({ format: 'lunch' });
    expect([res.status, res.body]).toEqual([
      412,
      {
        errors: [
          {
            path: 'if-match',
            message: 'the proposal has changed since version 2 (it is at version 4): load it again',
          },
        ],
      },
    ]);
    expect((await api.http.get(P()).set(chirita.headers)).body.format).toBe('breakfast');
  });

  it('leaves the version as it is when an autosave changes nothing', async () => {
    const res = await api.http
      .patch(P())
      .set(chirita.headers)
      .set('If-Match', '"4"')
      .send({ format: 'breakfast' });
    expect([res.status, res.body.version, res.headers.etag]).toEqual([200, 4, '"4"']);
  });

  it('lets a contact who signs in with the address on the form find it', async () => {
    const res = await api.http.get(P()).set(morari.headers);
    expect([res.status, res.body.title, res.body.contacts[0].email]).toEqual([
      200,
      MOLDOVA_TITLE,
      'morari@example.org',
    ]);
  });
});

describe('review', () => {
  it('submits: each contact and the creator hear of it once', async () => {
    const res = await api.http.post(`${P()}/submit`).set(chirita.headers);
    expect([res.status, res.body.status, res.body.version, res.body.actions, res.body.submittedAt]).toEqual([
      200,
      'submitted',
      5,
      ['withdraw', 'comment'],
      expect.any(String),
    ]);
    expect(await mails('proposal_submitted')).toEqual([
      `chirita@example.org: Proposal received: ${MOLDOVA_TITLE}`,
      `morari@example.org: Proposal received: ${MOLDOVA_TITLE}`,
      `zorrilla@example.org: Proposal received: ${MOLDOVA_TITLE}`,
    ]);
  });

  it('refuses a change of the submitted proposal', async () => {
    const res = await api.http.patch(P()).set(chirita.headers).send({ expectedAttendance: 150 });
    expect([res.status, res.body.errors]).toEqual([
      409,
      [
        {
          path: '',
          message:
            'the proposal is submitted: only a draft or a proposal with changes requested can be changed',
        },
      ],
    ]);
  });

  it('is sent back for changes with a message, which the organisers read and are mailed', async () => {
    const note = 'Please confirm the audience questions fit the 5 minutes of the voting exercise.';
    const res = await api.http
      .post(`${P()}/decision`)
      .set(admin)
      .send({ decision: 'request_changes', message: note });
    expect([res.status, res.body.status, res.body.decidedAt]).toEqual([
      200,
      'changes_requested',
      expect.any(String),
    ]);
    const comments = await api.http.get(`${P()}/comments`).set(morari.headers);
    expect(comments.body).toEqual([
      {
        id: expect.any(Number),
        author: 'Support unit',
        fromSupportUnit: true,
        body: note,
        transition: 'request_changes',
        createdAt: expect.any(String),
      },
    ]);
    const [mail] = (await api.http.get(`${S}/outbox`).set(admin)).body.messages.filter(
      (m: { kind: string; recipient: string }) =>
        m.kind === 'proposal_changes_requested' && m.recipient === 'morari@example.org',
    );
    expect(mail.bodyText).toBe(
      'Hello,\n\n' +
        `The support unit of GFMD 2018 Summit asks for changes to the side-event proposal “${MOLDOVA_TITLE}” by Republic of Moldova and International Centre for Migration Policy Development before deciding on it.\n\n` +
        `The support unit writes:\n\n${note}\n\n` +
        'Change the proposal, then submit it again.\n\n' +
        'Change the proposal:\n' +
        'http://convene.test/sign-in?email=morari%40example.org&next=%2Fsummits%2Fgfmd-2018%2Fproposals%2F' +
        `${id}\n`,
    );
  });

  it('carries a message of the support unit to its organisers by e-mail, and theirs to the support unit', async () => {
    const note = 'We can offer the Orangeraie Room on Friday morning; would 08:30 suit you?';
    const res = await api.http.post(`${P()}/comments`).set(admin).send({ body: note });
    expect([res.status, res.body.author, res.body.fromSupportUnit]).toEqual([201, 'Support unit', true]);
    const [mail] = (await api.http.get(`${S}/outbox`).set(admin)).body.messages.filter(
      (m: { kind: string; recipient: string }) =>
        m.kind === 'proposal_comment' && m.recipient === 'morari@example.org',
    );
    expect([mail.subject, mail.bodyText]).toEqual([
      `Message from the support unit: ${MOLDOVA_TITLE}`,
      'Hello,\n\n' +
        `The support unit of GFMD 2018 Summit writes about the side-event proposal “${MOLDOVA_TITLE}” by Republic of Moldova and International Centre for Migration Policy Development:\n\n` +
        `${note}\n\n` +
        'Read the proposal and answer:\n' +
        'http://convene.test/sign-in?email=morari%40example.org&next=%2Fsummits%2Fgfmd-2018%2Fproposals%2F' +
        `${id}\n`,
    ]);
    const before = (await mails('proposal_comment')).length;
    await api.http
      .post(`${S}/roles`)
      .set(admin)
      .send({ email: 'support@gfmd.example', role: 'support_unit', invite: false });
    await api.http.post(`${P()}/comments`).set(morari.headers).send({ body: 'Yes, 08:30 suits us.' });
    expect((await mails('proposal_comment')).length).toBe(before);
    const [toDesk] = (await api.http.get(`${S}/outbox`).set(admin)).body.messages.filter(
      (m: { kind: string }) => m.kind === 'proposal_comment_to_support_unit',
    );
    expect([toDesk.recipient, toDesk.subject, toDesk.bodyText]).toEqual([
      'support@gfmd.example',
      `Message from an organiser: ${MOLDOVA_TITLE}`,
      'Hello,\n\n' +
        `Daniela Morari writes about the side-event proposal “${MOLDOVA_TITLE}” by Republic of Moldova and International Centre for Migration Policy Development for GFMD 2018 Summit:\n\n` +
        'Yes, 08:30 suits us.\n\n' +
        'Read the proposal on the review desk:\n' +
        'http://convene.test/sign-in?email=support%40gfmd.example&next=%2Fsummits%2Fgfmd-2018%2Fproposal-desk%2F' +
        `${id}\n`,
    ]);
  });

  it('is changed by a contact and submitted again', async () => {
    const programme = moldovaProposal().programme!;
    programme[2] = { minutes: 5, item: 'Interaction with the audience (voting with coloured cards)' };
    const changed = await api.http.patch(P()).set(morari.headers).send({ programme });
    expect([changed.status, changed.body.programme[2].item]).toEqual([
      200,
      'Interaction with the audience (voting with coloured cards)',
    ]);
    const answer = await api.http
      .post(`${P()}/comments`)
      .set(morari.headers)
      .send({ body: 'Done: 5 minutes.' });
    expect([answer.status, answer.body.author, answer.body.fromSupportUnit]).toEqual([
      201,
      'morari@example.org',
      false,
    ]);
    const res = await api.http.post(`${P()}/submit`).set(morari.headers);
    expect([res.status, res.body.status]).toEqual([200, 'submitted']);
  });

  it('is accepted: an unplaced side-event session with the form’s fields, in Friday’s breakfast window', async () => {
    const res = await api.http.post(`${P()}/decision`).set(admin).send({ decision: 'accept' });
    expect([res.status, res.body.status, res.body.session, res.body.placement]).toEqual([
      200,
      'accepted',
      `proposal-${id}`,
      null,
    ]);
    const session = await api.http.get(`${S}/sessions/proposal-${id}`).set(admin);
    expect(session.body).toEqual({
      key: `proposal-${id}`,
      kind: 'side_event',
      title: MOLDOVA_TITLE,
      segment: 'se-fri-breakfast',
      durationMinutes: 75,
      preferredStarts: ['2018-12-07T08:30+01:00'],
      // The larger of the 120 expected and the 220 seats asked for.
      expectedAttendance: 220,
      equipment: ['projector', 'screen', 'hdmi', 'usb'],
      microphones: 6,
      pinned: false,
      status: 'draft',
      participants: [
        { delegation: 'MDA', role: 'organiser' },
        { delegation: 'ICMPD', role: 'organiser' },
        { person: 'p-morari', role: 'moderator' },
        { person: 'p-tiendrebeogo', role: 'panellist' },
        { person: 'p-amador', role: 'panellist' },
        { person: 'p-zaidi', role: 'panellist' },
        { person: 'p-hagstrom', role: 'panellist' },
        { person: 'p-genetzke', role: 'panellist' },
      ],
    });
    expect(await mails('proposal_accepted')).toEqual([
      `chirita@example.org: Accepted: ${MOLDOVA_TITLE}`,
      `morari@example.org: Accepted: ${MOLDOVA_TITLE}`,
      `zorrilla@example.org: Accepted: ${MOLDOVA_TITLE}`,
    ]);
  });

  it('is placed in the Orangeraie Room (220 seats, projector and screen) at 08:30, and then scheduled', async () => {
    const proposed = await api.http.post(`${S}/place`).set(admin).send({});
    expect(proposed.body.placed).toEqual([
      {
        session: `proposal-${id}`,
        room: 'orangeraie',
        start: '2018-12-07T08:30+01:00',
        end: '2018-12-07T09:45+01:00',
        cost: 0,
      },
    ]);
    const { cost: _, ...placement } = proposed.body.placed[0];
    const applied = await api.http
      .post(`${S}/place/apply`)
      .set(admin)
      .send({ placements: [placement] });
    expect(applied.status).toBe(200);
    const res = await api.http.get(P()).set(chirita.headers);
    expect([res.body.status, res.body.placement, res.body.actions]).toEqual([
      'scheduled',
      {
        room: 'orangeraie',
        roomName: 'Orangeraie Room',
        start: '2018-12-07T08:30+01:00',
        end: '2018-12-07T09:45+01:00',
      },
      ['comment', 'report'],
    ]);
  });

  it('takes the organisers’ report after the event', async () => {
    const report = {
      attendance: 140,
      conclusions: 'Capacity building is a means and an end of the GCM’s implementation.',
      followUp: 'A report shared with the GFMD secretariat.',
    };
    const res = await api.http.put(`${P()}/report`).set(chirita.headers).send(report);
    expect([res.status, res.body.report]).toEqual([200, report]);
  });

  it('leaves each step in the audit log', async () => {
    const audit = await api.http.get(`${S}/audit`).set(admin).query({ limit: 50 });
    const steps = audit.body
      .filter(
        (e: { entity: string; entityKey: string }) => e.entity === 'proposal' && e.entityKey === String(id),
      )
      .map((e: { action: string }) => e.action)
      .reverse();
    expect(steps).toEqual([
      'create',
      'update',
      'update',
      'update',
      'submit',
      'request_changes',
      'comment', // the support unit's message
      'comment', // the organiser's answer
      'update',
      'comment',
      'submit',
      'accept',
      'report',
    ]);
  });
});
