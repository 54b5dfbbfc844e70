// The proposal form's one schema: lenient for drafts, strict on submit, every problem on its field.
import { describe, expect, it } from 'vitest';
import { zodProblems } from '../../../../shared/schemas/problems.ts';
import {
  proposalDraftSchema,
  proposalSubmitSchema,
  type ProposalDraftInput,
} from '../../../../shared/schemas/proposal.ts';
import { moldovaProposal } from '../../../factories/proposal.ts';

const draftProblems = (body: unknown) => {
  const parsed = proposalDraftSchema.safeParse(body);
  return parsed.success ? [] : zodProblems(parsed.error);
};
const refs = {
  delegations: new Set(['MDA', 'ICMPD', 'BFA']),
  days: ['2018-12-05', '2018-12-06', '2018-12-07'],
  dayOf: (t: string) => t.slice(0, 10),
};
const submitProblems = (body: ProposalDraftInput) => {
  const parsed = proposalSubmitSchema(refs).safeParse(body);
  return parsed.success ? [] : zodProblems(parsed.error);
};

describe('a draft', () => {
  it('may be empty', () => {
    expect(proposalDraftSchema.parse({})).toEqual({});
  });

  it('keeps a half-typed e-mail address and link, and a programme that does not add up yet', () => {
    const draft = {
      contacts: [{ name: 'Daniela Morari', email: 'morari@' }],
      materials: [{ url: 'www.icmpd.org' }],
      durationMinutes: 75,
      programme: [{ minutes: 10 }],
    };
    expect(draftProblems(draft)).toEqual([]);
  });

  it('normalises text: names trimmed, line breaks of a description made \\n', () => {
    const parsed = proposalDraftSchema.parse({
      title: '  Capacity building ',
      description: 'One\r\nTwo\rThree ',
    });
    expect(parsed).toEqual({ title: 'Capacity building', description: 'One\nTwo\nThree' });
  });

  it('refuses a link with another scheme, even in a draft', () => {
    expect(draftProblems({ materials: [{ title: 'Report', url: 'javascript:alert(1)' }] })).toEqual([
      {
        path: 'materials[0].url',
        message: 'must be a link starting with http:// or https://',
        code: 'httpLink',
      },
    ]);
  });

  it('refuses what is not well typed, naming the field', () => {
    expect(
      draftProblems({
        format: 'dinner',
        durationMinutes: 75.5,
        requirements: { equipment: ['projector', 'projector', 'hologram'] },
        programme: [{ minutes: '10' }],
        preferredStarts: ['Friday morning'],
        budget: 1000,
      }).map((p) => p.path),
    ).toEqual([
      'format',
      'durationMinutes',
      'requirements.equipment[2]',
      'programme[0].minutes',
      'preferredStarts[0]',
      '',
    ]);
  });

  it('bounds every field', () => {
    expect(draftProblems({ title: 'x'.repeat(301), programme: Array(31).fill({ minutes: 1 }) })).toEqual([
      {
        path: 'title',
        message: 'Too big: expected string to have <=300 characters',
        code: 'tooLong',
        params: { maximum: 300 },
      },
      {
        path: 'programme',
        message: 'Too big: expected array to have <=30 items',
        code: 'tooMany',
        params: { maximum: 30 },
      },
    ]);
  });
});

describe('submitting', () => {
  it('takes the Moldova/ICMPD proposal of seed 003 as it is', () => {
    expect(submitProblems(moldovaProposal())).toEqual([]);
  });

  it('says by how much the programme misses the duration', () => {
    const p = moldovaProposal();
    p.programme![4] = { minutes: 10, item: 'Conclusions by the Chair and Q&A' };
    expect(submitProblems(p)).toEqual([
      {
        path: 'programme',
        message: 'the items add up to 70 minutes, the event lasts 75',
        code: 'proposal.programmeSum',
        params: { total: 70, duration: 75 },
      },
    ]);
  });

  it('needs an e-mail address for each contact, and a real one', () => {
    const p = moldovaProposal();
    p.contacts![1] = { name: 'Oleg Chirita' };
    p.contacts![2]!.email = 'laura.zorrilla-fernandez.icmpd.org';
    expect(submitProblems(p)).toEqual([
      {
        path: 'contacts[1].email',
        message: 'a contact needs an e-mail address',
        code: 'proposal.contactEmail',
      },
      {
        path: 'contacts[2].email',
        message: '"laura.zorrilla-fernandez.icmpd.org" is not an e-mail address',
        code: 'notEmail',
        params: { email: 'laura.zorrilla-fernandez.icmpd.org' },
      },
    ]);
  });

  it('needs an http(s) link for each material', () => {
    const p = moldovaProposal();
    p.materials![0]!.url = 'www.mieux-initiative.eu';
    p.materials!.push({ title: 'Mobility Partnership Newsletter' });
    expect(submitProblems(p)).toEqual([
      {
        path: 'materials[0].url',
        message: 'must be a link starting with http:// or https://',
        code: 'httpLink',
      },
      {
        path: 'materials[2].url',
        message: 'a background material needs a link',
        code: 'proposal.materialLink',
      },
    ]);
  });

  it('lists every problem of an empty form, each on its field', () => {
    expect(submitProblems({}).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'title: a proposal needs a title',
      'organisers: name at least one organiser: a delegation of the summit or an organisation',
      'contacts: name at least one contact person with an e-mail address',
      'description: a proposal needs a brief description',
      'objective: a proposal needs an objective',
      'expectedResults: a proposal needs its expected results',
      'format: choose a format: standard, breakfast, lunch or reception',
      'durationMinutes: give the duration in minutes',
      'programme: give a provisional programme whose items add up to the duration',
    ]);
  });

  it('knows the summit: its delegations and its days', () => {
    const p = moldovaProposal();
    p.organisers = [
      { delegation: 'MDA' },
      { delegation: 'MOLDOVA' },
      { organisation: 'MIEUX', delegation: 'ICMPD' },
      {},
    ];
    p.preferredStarts = ['2018-12-07T08:30', '2018-12-09T08:30', '2018-12-07T08:30'];
    expect(submitProblems(p)).toEqual([
      {
        path: 'organisers[1].delegation',
        message: 'unknown delegation "MOLDOVA"',
        code: 'unknownKey',
        params: { kind: 'delegation', key: 'MOLDOVA' },
      },
      {
        path: 'organisers[2]',
        message: 'an organiser is a delegation or an organisation, not both',
        code: 'proposal.organiserBoth',
      },
      {
        path: 'organisers[3]',
        message: 'name the delegation or the organisation',
        code: 'proposal.organiserNone',
      },
      {
        path: 'preferredStarts[1]',
        message: 'Sun 9 Dec is not a day of the summit, which runs from Wed 5 Dec to Fri 7 Dec',
        code: 'proposal.notSummitDay',
        params: { day: '2018-12-09', first: '2018-12-05', last: '2018-12-07' },
      },
      { path: 'preferredStarts[2]', message: 'lists this time twice', code: 'timeTwice' },
    ]);
  });
});
