// Conflicts in the reader's language, wherever a page shows them: the sentences read the programme's
// lists (the same queries the pages read, so usually in the cache already) and the summit's zone.
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { programmeFromItems } from '../../../../shared/domain/from-items.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import type {
  DelegationItem,
  PersonItem,
  RoomItem,
  SessionItem,
} from '../../../../shared/schemas/summit-file.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { listQuery } from '../programme/api.ts';
import { summitQuery } from '../summits/api.ts';
import { conflictContext, conflictWriter } from './conflict-words.ts';

/** Says a conflict; `instead`: sessions as a check sees them (a move, an unsaved edit). */
export type SayConflict = (c: Conflict, instead?: readonly Session[]) => string;

/** Items a page holds that the lists may not show its reader (a delegation's own drafts). */
export type KnownItems = {
  rooms?: readonly RoomItem[];
  delegations?: readonly DelegationItem[];
  people?: readonly PersonItem[];
  sessions?: readonly SessionItem[];
};

// A list the reader may not read counts as empty (one empty list, so that memos hold): the page's
// own items stand in for it.
const NONE: never[] = [];
const listed = <T>(q: UseQueryResult<T[]>): T[] | undefined => q.data ?? (q.isError ? NONE : undefined);
const withKnown = <T extends { key: string }>(list: T[], known: readonly T[] = []): T[] =>
  known.length ? [...list.filter((i) => !known.some((k) => k.key === i.key)), ...known] : list;

export function useConflictWords(slug: string, known?: KnownItems): SayConflict {
  const { t, dateLocale } = useI18n();
  const summit = useQuery(summitQuery(slug)).data;
  const rooms = listed(useQuery(listQuery(slug, 'rooms')));
  const segments = listed(useQuery(listQuery(slug, 'segments')));
  const delegations = listed(useQuery(listQuery(slug, 'delegations')));
  const people = listed(useQuery(listQuery(slug, 'people')));
  const sessions = listed(useQuery(listQuery(slug, 'sessions')));
  return useMemo(() => {
    // Until the programme is in, the kind of conflict is all that can be said.
    if (!summit || !rooms || !segments || !delegations || !people || !sessions)
      return (c: Conflict) => t(`conflict.${c.code}`);
    const programme = programmeFromItems({
      summit,
      rooms: withKnown(rooms, known?.rooms),
      segments,
      delegations: withKnown(delegations, known?.delegations),
      people: withKnown(people, known?.people),
      sessions: withKnown(sessions, known?.sessions),
    });
    const say = conflictWriter(conflictContext(programme, summit.offsets), t, dateLocale);
    return (c: Conflict, instead?: readonly Session[]) =>
      instead?.length
        ? conflictWriter(conflictContext(programme, summit.offsets, instead), t, dateLocale)(c)
        : say(c);
  }, [summit, rooms, segments, delegations, people, sessions, known, t, dateLocale]);
}
