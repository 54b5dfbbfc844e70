// Read models of the programme as people look at it: one day, one session's page.
import {
  personToItem,
  roomToItem,
  segmentToItem,
  sessionToItem,
  delegationToItem,
} from '../../../shared/domain/summit-file.ts';
import { dayBounds } from '../../../shared/domain/time.ts';
import type { SummitContext, SummitRecord, View } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { conflictsAmong } from '../conflicts/conflicts.service.ts';
import * as repo from '../programme/programme.service.ts';
import { schedulePolicy } from './schedule.policy.ts';

/** Sessions starting on a summit-local day, ordered by start time then room. */
export async function programmeDay(db: Db, summit: SummitRecord, day: string, view: View) {
  const [from, to] = dayBounds(day, summit.timeZone);
  const sessions = await repo.loadSessions(db, summit.id, { from, to, publishedOnly: !view.drafts });
  sessions.sort((a, b) => a.start! - b.start! || (a.room ?? '').localeCompare(b.room ?? ''));
  return { day, sessions: sessions.map((s) => sessionToItem(s, summit.timeZone)) };
}

export async function sessionPage(db: Db, summit: SummitRecord, key: string, view: View) {
  const [session] = await repo.loadSessions(db, summit.id, { keys: [key], publishedOnly: !view.drafts });
  if (!session) return null;
  const personKeys = session.participants.flatMap((p) => (p.person ? [p.person] : []));
  const people = personKeys.length ? await repo.loadPeople(db, summit.id, { keys: personKeys }) : [];
  const delegationKeys = [
    ...new Set([
      ...session.participants.flatMap((p) => (p.delegation ? [p.delegation] : [])),
      ...people.flatMap((p) => (p.delegation ? [p.delegation] : [])),
    ]),
  ];
  const [room] = session.room ? await repo.loadRooms(db, summit.id, [session.room]) : [];
  const [segment] = session.segment ? await repo.loadSegments(db, summit.id, [session.segment]) : [];
  const delegations = delegationKeys.length ? await repo.loadDelegations(db, summit.id, delegationKeys) : [];
  return {
    session: sessionToItem(session, summit.timeZone),
    room: room ? roomToItem(room) : null,
    segment: segment ? segmentToItem(segment, summit.timeZone) : null,
    people: people.map((p) => personToItem(view.contacts ? p : { ...p, email: null })),
    delegations: delegations.map(delegationToItem),
  };
}

/**
 * A delegation's agenda: every session naming it or one of its people. Its own members and the
 * support unit see drafts too, and the delegation's contact details; others the published part.
 */
export async function delegationAgenda(db: Db, ctx: SummitContext, key: string) {
  const { summit, roles } = ctx;
  const delegationId = await repo.findId(db, summit.id, 'delegations', key);
  if (delegationId === null) return null;
  const own = schedulePolicy.seesOwnDelegation(roles, key);
  const [delegation] = await repo.loadDelegations(db, summit.id, [key]);
  const sessions = await repo.loadSessions(db, summit.id, {
    delegationId,
    publishedOnly: !own && !ctx.view.drafts,
  });
  sessions.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.key.localeCompare(b.key));
  const people = (await repo.loadPeople(db, summit.id, { publicOnly: !own && !ctx.view.drafts })).filter(
    (p) => p.delegation === key,
  );
  // Its members see where it is over-committed or pulled two ways, drafts included.
  const mine = new Set(people.map((p) => p.key));
  // Its conflicts are among its own sessions: the engine reads those alone, however large the summit.
  const report = own
    ? await conflictsAmong(db, summit, sessions, { delegation: key, people: [...mine] })
    : { conflicts: [], total: 0 };
  const roomKeys = [...new Set(sessions.flatMap((s) => (s.room ? [s.room] : [])))];
  const rooms = roomKeys.length ? await repo.loadRooms(db, summit.id, roomKeys) : [];
  return {
    delegation: delegationToItem(delegation!),
    people: people.map((p) => personToItem(own || ctx.view.contacts ? p : { ...p, email: null })),
    sessions: sessions.map((s) => sessionToItem(s, summit.timeZone)),
    rooms: rooms.map(roomToItem),
    conflicts: report.conflicts,
    conflictTotal: report.total,
  };
}
