// A side-event proposal's states and the transitions between them, as both sides run them: the
// server performs a transition (proposals.transitions.ts), the browser shows only the buttons of
// the transitions the caller may make. Free of zod, like vocabulary.ts.
export const PROPOSAL_FORMATS = ['standard', 'breakfast', 'lunch', 'reception'] as const;
/** What the database stores. */
export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
/**
 * What a reader sees: `scheduled` is an accepted proposal whose session has a room and a time,
 * derived when read so that it follows the session wherever it is moved.
 */
export const PROPOSAL_VIEW_STATUSES = [...PROPOSAL_STATUSES, 'scheduled'] as const;
export const DECISIONS = ['accept', 'reject', 'request_changes'] as const;
export const TRANSITION_NAMES = ['submit', 'withdraw', ...DECISIONS] as const;

export type ProposalFormat = (typeof PROPOSAL_FORMATS)[number];
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalViewStatus = (typeof PROPOSAL_VIEW_STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];
export type TransitionName = (typeof TRANSITION_NAMES)[number];
/** How a caller stands to one proposal. */
export type Standing = { organiser: boolean; supportUnit: boolean };

type Transition = {
  from: readonly ProposalViewStatus[];
  to: ProposalStatus;
  /** Who may make it: its organisers, the support unit. */
  by: readonly ('organiser' | 'support_unit')[];
  /** What it is called in a sentence: "only a submitted proposal can be accepted". */
  verb: string;
};

export const TRANSITIONS: Record<TransitionName, Transition> = {
  // The support unit submits on an organiser's behalf (a form that came by e-mail), and after the
  // deadline that is how it accepts a late proposal.
  submit: {
    from: ['draft', 'changes_requested'],
    to: 'submitted',
    by: ['organiser', 'support_unit'],
    verb: 'submitted',
  },
  request_changes: {
    from: ['submitted'],
    to: 'changes_requested',
    by: ['support_unit'],
    verb: 'sent back for changes',
  },
  accept: { from: ['submitted'], to: 'accepted', by: ['support_unit'], verb: 'accepted' },
  // A proposal whose organisers never answer a change request can still be turned down.
  reject: {
    from: ['submitted', 'changes_requested'],
    to: 'rejected',
    by: ['support_unit'],
    verb: 'rejected',
  },
  // Not once scheduled: the event is in the programme, and taking it out is the support unit's call.
  withdraw: {
    from: ['draft', 'submitted', 'changes_requested', 'accepted'],
    to: 'withdrawn',
    by: ['organiser'],
    verb: 'withdrawn',
  },
};

/** States in which the form can be changed. */
export const EDITABLE: readonly ProposalViewStatus[] = ['draft', 'changes_requested'];

const STATUS_TEXT: Record<ProposalViewStatus, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  changes_requested: 'waiting for the changes the support unit asked for',
  accepted: 'accepted',
  scheduled: 'scheduled',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};
export const statusText = (s: ProposalViewStatus) => STATUS_TEXT[s];

const list = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
const FROM_TEXT: Record<ProposalViewStatus, string> = {
  draft: 'a draft',
  submitted: 'a submitted proposal',
  changes_requested: 'a proposal with changes requested',
  accepted: 'an accepted proposal not yet scheduled',
  scheduled: 'a scheduled proposal',
  rejected: 'a rejected proposal',
  withdrawn: 'a withdrawn proposal',
};

/** `code` and `params` name a conflict for a program (the app says it in the reader's language). */
export type Refusal = {
  reason: 'forbidden' | 'conflict';
  message: string;
  code?: string;
  params?: Record<string, string>;
};

/**
 * Whether `who` may make this transition from `status`; null when they may. An accepted proposal
 * whose session was deleted (`sessionLost`) can be accepted again: that makes it a new session.
 */
export function refusal(
  name: TransitionName,
  status: ProposalViewStatus,
  who: Standing,
  sessionLost = false,
): Refusal | null {
  const t = TRANSITIONS[name];
  const may =
    (who.organiser && t.by.includes('organiser')) || (who.supportUnit && t.by.includes('support_unit'));
  if (!may) {
    const message =
      t.by.length === 1 && t.by[0] === 'support_unit'
        ? 'only the support unit decides on a proposal'
        : `only the proposal's organisers may ${name === 'submit' ? 'submit' : 'withdraw'} it`;
    return { reason: 'forbidden', message };
  }
  if (t.from.includes(status) || (name === 'accept' && sessionLost && status === 'accepted')) return null;
  const extra =
    name === 'withdraw' && status === 'scheduled'
      ? ': it is in the programme, so ask the support unit to take it out'
      : `: only ${list(t.from.map((s) => FROM_TEXT[s]))} can be ${t.verb}`;
  return {
    reason: 'conflict',
    message: `the proposal is ${statusText(status)}${extra}`,
    ...(name === 'withdraw' && status === 'scheduled'
      ? { code: 'proposalInProgramme' }
      : { code: 'proposalStatus', params: { status, action: name } }),
  };
}

/** The transitions `who` may make now. */
export const allowedTransitions = (
  status: ProposalViewStatus,
  who: Standing,
  sessionLost = false,
): TransitionName[] => TRANSITION_NAMES.filter((name) => refusal(name, status, who, sessionLost) === null);

/** The running sum of a programme's minutes (items without minutes count nothing). */
export const programmeMinutes = (items: readonly { minutes?: number | null }[] | undefined): number =>
  (items ?? []).reduce((sum, item) => sum + (item.minutes ?? 0), 0);
