// Conflicts in the reader's language, wherever a page shows them: the sentences read the programme's
// lists (the same queries the pages read, so usually in the cache already) and the summit's zone.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { programmeFromItems } from '../../../../shared/domain/from-items.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { listQuery } from '../programme/api.ts';
import { summitQuery } from '../summits/api.ts';
import { conflictContext, conflictWriter } from './conflict-words.ts';

/** Says a conflict; `instead`: sessions as a check sees them (a move, an unsaved edit). */
export type SayConflict = (c: Conflict, instead?: readonly Session[]) => string;

export function useConflictWords(slug: string): SayConflict {
  const { t, dateLocale } = useI18n();
  const summit = useQuery(summitQuery(slug)).data;
  const rooms = useQuery(listQuery(slug, 'rooms')).data;
  const segments = useQuery(listQuery(slug, 'segments')).data;
  const delegations = useQuery(listQuery(slug, 'delegations')).data;
  const people = useQuery(listQuery(slug, 'people')).data;
  const sessions = useQuery(listQuery(slug, 'sessions')).data;
  return useMemo(() => {
    // Until the programme is in, the kind of conflict is all that can be said.
    if (!summit || !rooms || !segments || !delegations || !people || !sessions)
      return (c: Conflict) => t(`conflict.${c.code}`);
    const programme = programmeFromItems({ summit, rooms, segments, delegations, people, sessions });
    const say = conflictWriter(conflictContext(programme, summit.offsets), t, dateLocale);
    return (c: Conflict, instead?: readonly Session[]) =>
      instead?.length
        ? conflictWriter(conflictContext(programme, summit.offsets, instead), t, dateLocale)(c)
        : say(c);
  }, [summit, rooms, segments, delegations, people, sessions, t, dateLocale]);
}
