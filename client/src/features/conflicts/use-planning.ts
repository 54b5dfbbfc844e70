// The whole programme in the browser, for the support unit: the conflict engine runs on it live,
// exactly as the server runs it (same code, the server's zone offsets). The lists are the same
// queries the pages read (the programme page's rooms are fetched once), and a move refreshes them.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { detectConflicts, type Prepared, prepare } from '../../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { programmeFromItems } from '../../../../shared/domain/from-items.ts';
import type { Programme } from '../../../../shared/domain/programme.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { listQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';

export type Planning = { programme: Programme; prepared: Prepared; conflicts: Conflict[] };

export function usePlanning(summit: SummitView, enabled: boolean): Planning | null {
  const list = <L extends Parameters<typeof listQuery>[1]>(name: L) => ({
    ...listQuery(summit.slug, name),
    enabled,
  });
  const rooms = useQuery(list('rooms')).data;
  const segments = useQuery(list('segments')).data;
  const delegations = useQuery(list('delegations')).data;
  const people = useQuery(list('people')).data;
  const sessions = useQuery(list('sessions')).data;
  return useMemo(() => {
    if (!enabled || !rooms || !segments || !delegations || !people || !sessions) return null;
    const programme = programmeFromItems({ summit, rooms, segments, delegations, people, sessions });
    const input = { ...programme, offsets: summit.offsets };
    return { programme, prepared: prepare(input), conflicts: detectConflicts(input) };
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

export const conflictCount = (t: Translate, count: number) => t('conflicts.marker', { count });
