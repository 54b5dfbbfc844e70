// Side-event proposals, the module's public face: use cases with explicit ids (reads, writes of the
// form, the lifecycle's steps), which the routes call. See docs/proposals.md.
import type { Db } from '../../db/client.ts';
import { purgeKeys } from './idempotency.repo.ts';

export { openProposals, type ProposalContext } from './proposals.context.ts';
export { getProposal, listProposals, proposalCall } from './proposals.reads.ts';
export { addComment, comments, createProposal, fileReport, patchProposal } from './proposals.writes.ts';
export { decideProposal, extendDeadline, submitProposal, withdrawProposal } from './proposals.steps.ts';

/** Idempotency keys are kept a day: a retry comes within minutes, not days. */
export const purgeIdempotencyKeys = (db: Db) => purgeKeys(db, 24 * 3_600_000);
