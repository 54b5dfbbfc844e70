// The shared schema run in the browser on the form's inputs: the draft's rules before each
// autosave, the submit check (with what the proposal call says of the summit) before submitting.
import type { Problem } from '../../../../shared/schemas/problems.ts';
import { zodProblems } from '../../../../shared/schemas/problems.ts';
import {
  type ProposalDraft,
  proposalDraftSchema,
  proposalSubmitSchema,
} from '../../../../shared/schemas/proposal.ts';
import type { ProposalCall } from './api.ts';
import type { Prepared } from './draft-saver.ts';
import { type FormValues, toDraft } from './form-values.ts';

/** The draft as the server would store it (text normalised), or why it cannot be saved. */
export function draftOf(values: FormValues): Prepared<ProposalDraft> {
  const parsed = proposalDraftSchema.safeParse(toDraft(values));
  return parsed.success
    ? { ok: true, draft: parsed.data }
    : { ok: false, problems: zodProblems(parsed.error) };
}

/** Every problem that keeps the form from being submitted, as the server would list them. */
export function submitCheck(
  values: FormValues,
  call: Pick<ProposalCall, 'delegations' | 'summit'>,
): Problem[] {
  const parsed = proposalSubmitSchema({
    delegations: new Set(call.delegations.map((d) => d.key)),
    days: call.summit.days,
    // The form's starts are wall clocks in the summit's zone: their day is their date.
    dayOf: (time) => time.slice(0, 10),
  }).safeParse(toDraft(values));
  return parsed.success ? [] : zodProblems(parsed.error);
}
