// A proposal as the API answers it: its form, its status as the reader sees it (scheduled once its
// session has a room and a time), where its session is, its deadline, and what the caller may do.
import { allowedTransitions, EDITABLE, type ProposalViewStatus } from '../../../shared/domain/proposals.ts';
import { formatTime, localDate } from '../../../shared/domain/time.ts';
import { shortDay } from '../../../shared/domain/wall-clock.ts';
import type {
  ProposalAction,
  ProposalReport,
  ProposalSummary,
  ProposalView,
} from '../../../shared/schemas/proposal-api.ts';
import type { SummitRecord } from '../../core/summit-context.ts';
import { organiserNames, showForm, type StoredForm } from './proposals.form.ts';
import { proposalsPolicy, type Standing } from './proposals.policy.ts';
import type { Placement, ProposalRow, SummaryRow } from './proposals.repo.ts';

export const statusOf = (row: Pick<ProposalRow, 'status' | 'placement'>): ProposalViewStatus =>
  row.status === 'accepted' && row.placement ? 'scheduled' : (row.status as ProposalViewStatus);

/**
 * When submission closes for this proposal: the summit's deadline, or its extension when that is
 * later (an extension only extends; a summit without a deadline has none to extend).
 */
export function deadlineOf(
  row: Pick<ProposalRow, 'deadlineExtendedTo'>,
  summit: SummitRecord,
): number | null {
  if (summit.proposalDeadline === null) return null;
  return Math.max(summit.proposalDeadline, row.deadlineExtendedTo?.getTime() ?? Number.NEGATIVE_INFINITY);
}

/** "Fri 28 Sep 2018 at 23:59 (Africa/Casablanca)". */
export function momentText(ms: number, timeZone: string): string {
  const date = localDate(ms, timeZone);
  const time = formatTime(ms, timeZone).slice(11, 16);
  return `${shortDay(date)} ${date.slice(0, 4)} at ${time} (${timeZone})`;
}

/** Whether an organiser may still submit a first time. */
export const submissionOpen = (deadline: number | null, now: number) => deadline === null || now <= deadline;

const placementView = (p: Placement | null, timeZone: string) =>
  p && {
    room: p.room,
    roomName: p.roomName,
    start: formatTime(p.start.getTime(), timeZone),
    end: formatTime(p.end.getTime(), timeZone),
  };

export type ViewFacts = {
  summit: SummitRecord;
  delegationNames: ReadonlyMap<string, string>;
  standing: Standing;
  now: number;
};

/** What the caller may do with it now: the client shows these buttons and no others. */
function actionsOf(row: ProposalRow, status: ProposalViewStatus, f: ViewFacts): ProposalAction[] {
  const s = f.standing;
  const changer = s.supportUnit || s.organiser;
  const ended = row.placement !== null && row.placement.end.getTime() <= f.now;
  const firstSubmissionClosed = status === 'draft' && !submissionOpen(deadlineOf(row, f.summit), f.now);
  const sessionLost = status === 'accepted' && row.sessionKey === null;
  const transitions = allowedTransitions(status, s, sessionLost).filter(
    (t) => t !== 'submit' || s.supportUnit || !firstSubmissionClosed,
  );
  return [
    ...(changer && EDITABLE.includes(status) ? (['edit'] as const) : []),
    ...transitions,
    ...(changer ? (['comment'] as const) : []),
    ...(changer && status === 'scheduled' && ended ? (['report'] as const) : []),
    ...(s.supportUnit && status === 'draft' ? (['extend_deadline'] as const) : []),
  ];
}

export function proposalView(row: ProposalRow, f: ViewFacts): ProposalView {
  const { timeZone } = f.summit;
  const status = statusOf(row);
  const form = row.form as StoredForm;
  const deadline = deadlineOf(row, f.summit);
  return {
    ...showForm(form, timeZone, proposalsPolicy.seesContacts(f.standing)),
    id: row.id,
    status,
    version: row.version,
    organiserNames: organiserNames(form.organisers, f.delegationNames),
    session: row.sessionKey,
    placement: placementView(row.placement, timeZone),
    deadline: deadline === null ? null : formatTime(deadline, timeZone),
    deadlineExtended: row.deadlineExtendedTo !== null,
    late: row.late,
    report: (row.report as ProposalReport | null) ?? null,
    actions: actionsOf(row, status, f),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export function summaryView(
  row: SummaryRow,
  summit: SummitRecord,
  delegationNames: ReadonlyMap<string, string>,
): ProposalSummary {
  const form = row.form as StoredForm;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    ...(form.title !== undefined && form.title !== null && { title: form.title }),
    ...(form.format && { format: form.format }),
    ...(typeof form.durationMinutes === 'number' && { durationMinutes: form.durationMinutes }),
    ...(typeof form.expectedAttendance === 'number' && { expectedAttendance: form.expectedAttendance }),
    organisers: form.organisers ?? [],
    organiserNames: organiserNames(form.organisers, delegationNames),
    preferredStarts: (form.preferredStarts ?? []).map((t) => formatTime(Date.parse(t), summit.timeZone)),
    session: row.sessionKey,
    placement: placementView(row.placement, summit.timeZone),
    late: row.late,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
