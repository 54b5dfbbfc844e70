// The audit log in words (shared/domain/audit-words.ts), in English for the API: each line with the
// names of what it refers to as they are now (an item deleted since keeps the name its own line
// recorded), which the client reads to say the line in the reader's language.
import type { Executor } from '../../db/client.ts';
import {
  loadDelegations,
  loadPeople,
  loadRooms,
  loadSegments,
  loadSessions,
} from '../programme/programme.service.ts';
import {
  type Change,
  describeLine,
  englishAuditWords,
  type LineNames,
  type NameKind,
  referencesOf,
} from '../../../shared/domain/audit-words.ts';
import type { AuditRow } from './audit.repo.ts';

export type DescribedRow = AuditRow & { what: string; changes: Change[]; names: LineNames };

type Names = Record<NameKind, Map<string, string>>;

async function namesIn(db: Executor, summitId: number, sessionKeys: string[]): Promise<Names> {
  const byKey = <T extends { key: string }>(items: T[], name: (i: T) => string) =>
    new Map(items.map((i) => [i.key, name(i)]));
  return {
    room: byKey(await loadRooms(db, summitId), (r) => r.name),
    segment: byKey(await loadSegments(db, summitId), (s) => s.title),
    delegation: byKey(await loadDelegations(db, summitId), (d) => d.name),
    person: byKey(await loadPeople(db, summitId), (p) => p.name),
    session: byKey(
      sessionKeys.length ? await loadSessions(db, summitId, { keys: sessionKeys }) : [],
      (s) => s.title,
    ),
  };
}

const noNames = (): Names => ({
  room: new Map(),
  segment: new Map(),
  delegation: new Map(),
  person: new Map(),
  session: new Map(),
});

/** Each line with `what` and `changes`, names read from its summit as it is now. */
export async function describe(db: Executor, rows: AuditRow[]): Promise<DescribedRow[]> {
  const bySummit = new Map<number, Names>();
  for (const summitId of new Set(rows.flatMap((r) => (r.summitId === null ? [] : [r.summitId])))) {
    const keys = rows
      .filter((r) => r.summitId === summitId)
      .flatMap((r) => referencesOf(r).flatMap(([kind, key]) => (kind === 'session' ? [key] : [])));
    bySummit.set(summitId, await namesIn(db, summitId, [...new Set(keys)]));
  }
  return rows.map((r) => {
    const known = (r.summitId !== null && bySummit.get(r.summitId)) || noNames();
    const names: LineNames = {};
    for (const [kind, key] of referencesOf(r)) {
      const name = known[kind].get(key);
      if (name !== undefined) names[`${kind}:${key}`] = name;
    }
    return { ...r, ...describeLine(r, names, englishAuditWords), names };
  });
}
