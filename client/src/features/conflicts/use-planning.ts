// The whole programme in the browser, for the support unit: the conflict engine runs on it live,
// exactly as the server runs it (same code, the server's zone offsets).
import { useMemo, useState } from 'react';
import { detectConflicts, prepare, type Prepared } from '../../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { programmeFromItems } from '../../../../shared/domain/from-items.ts';
import type { Programme } from '../../../../shared/domain/programme.ts';
import type {
  DelegationItem,
  PersonItem,
  RoomItem,
  SegmentItem,
  SessionItem,
} from '../../../../shared/schemas/summit-file.ts';
import { useApi, type SummitView } from '../../lib/api.ts';
import type { Translate } from '../../lib/i18n.tsx';

export type Planning = { programme: Programme; prepared: Prepared; conflicts: Conflict[]; reload(): void };

export function usePlanning(summit: SummitView, enabled: boolean): Planning | null {
  const [version, setVersion] = useState(0);
  const base = `/api/summits/${summit.slug}`;
  const on = (path: string) => (enabled ? `${base}/${path}` : null);
  const rooms = useApi<RoomItem[]>(on('rooms'), version);
  const segments = useApi<SegmentItem[]>(on('segments'), version);
  const delegations = useApi<DelegationItem[]>(on('delegations'), version);
  const people = useApi<PersonItem[]>(on('people'), version);
  const sessions = useApi<SessionItem[]>(on('sessions'), version);
  return useMemo(() => {
    if (!enabled) return null;
    if (
      rooms.state !== 'ready' ||
      segments.state !== 'ready' ||
      delegations.state !== 'ready' ||
      people.state !== 'ready' ||
      sessions.state !== 'ready'
    )
      return null;
    const programme = programmeFromItems({
      summit,
      rooms: rooms.data,
      segments: segments.data,
      delegations: delegations.data,
      people: people.data,
      sessions: sessions.data,
    });
    const input = { ...programme, offsets: summit.offsets };
    return {
      programme,
      prepared: prepare(input),
      conflicts: detectConflicts(input),
      reload: () => setVersion((v) => v + 1),
    };
  }, [enabled, summit, rooms, segments, delegations, people, sessions]);
}

/** How many hard and soft conflicts each session is in. */
export function conflictCounts(conflicts: readonly Conflict[]): Map<string, { hard: number; soft: number }> {
  const counts = new Map<string, { hard: number; soft: number }>();
  for (const c of conflicts) {
    for (const key of c.sessions) {
      const n = counts.get(key) ?? { hard: 0, soft: 0 };
      n[c.severity] += 1;
      counts.set(key, n);
    }
  }
  return counts;
}

export const conflictCount = (t: Translate, count: number) =>
  count === 1 ? t('conflicts.markerOne') : t('conflicts.marker', { count });
