// The proposal lifecycle as a table: every transition from every status, for each kind of caller.
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  PROPOSAL_VIEW_STATUSES,
  programmeMinutes,
  refusal,
} from '../../../../shared/domain/proposals.ts';

const organiser = { organiser: true, supportUnit: false };
const supportUnit = { organiser: false, supportUnit: true };

describe('the transitions', () => {
  it('open to organisers: submit from a draft or after a change request, withdraw until scheduled', () => {
    expect(
      Object.fromEntries(PROPOSAL_VIEW_STATUSES.map((s) => [s, allowedTransitions(s, organiser)])),
    ).toEqual({
      draft: ['submit', 'withdraw'],
      submitted: ['withdraw'],
      changes_requested: ['submit', 'withdraw'],
      accepted: ['withdraw'],
      rejected: [],
      withdrawn: [],
      scheduled: [],
    });
  });

  it('open to the support unit: decisions on a submitted proposal, a rejection after a change request', () => {
    expect(
      Object.fromEntries(PROPOSAL_VIEW_STATUSES.map((s) => [s, allowedTransitions(s, supportUnit)])),
    ).toEqual({
      draft: ['submit'],
      submitted: ['accept', 'reject', 'request_changes'],
      changes_requested: ['submit', 'reject'],
      accepted: [],
      rejected: [],
      withdrawn: [],
      scheduled: [],
    });
  });

  it('refuses accepting a withdrawn proposal, saying why', () => {
    expect(refusal('accept', 'withdrawn', supportUnit)).toEqual({
      reason: 'conflict',
      message: 'the proposal is withdrawn: only a submitted proposal can be accepted',
      code: 'proposalStatus',
      params: { status: 'withdrawn', action: 'accept' },
    });
  });

  it('refuses an organiser deciding, whatever the status', () => {
    for (const s of PROPOSAL_VIEW_STATUSES)
      expect(refusal('accept', s, organiser)).toEqual({
        reason: 'forbidden',
        message: 'only the support unit decides on a proposal',
      });
  });

  it('refuses withdrawing a scheduled proposal, pointing to the support unit', () => {
    expect(refusal('withdraw', 'scheduled', organiser)).toEqual({
      reason: 'conflict',
      message: 'the proposal is scheduled: it is in the programme, so ask the support unit to take it out',
      code: 'proposalInProgramme',
    });
  });

  it('names every state a transition starts from', () => {
    expect(refusal('submit', 'rejected', organiser)?.message).toBe(
      'the proposal is rejected: only a draft or a proposal with changes requested can be submitted',
    );
    expect(refusal('reject', 'accepted', supportUnit)?.message).toBe(
      'the proposal is accepted: only a submitted proposal or a proposal with changes requested can be rejected',
    );
  });
});

describe('the running sum of the programme', () => {
  it('adds the minutes of seed 003: 10 + 25 + 5 + 20 + 15', () => {
    expect(
      programmeMinutes([{ minutes: 10 }, { minutes: 25 }, { minutes: 5 }, { minutes: 20 }, { minutes: 15 }]),
    ).toBe(75);
  });

  it('counts an item without minutes as nothing', () => {
    expect(programmeMinutes([{ minutes: 10 }, {}])).toBe(10);
    expect(programmeMinutes(undefined)).toBe(0);
  });
});
