// What differs between the five lists of a summit (rooms, segments, delegations, people,
// sessions): their schema, how an item is checked against its summit, which keys it refers to,
// and how it is written back as a file item. Everything else is shared.
import type { z } from 'zod';
import type { Programme } from '../../../shared/domain/programme.ts';
import {
  resolveDelegation,
  resolvePerson,
  resolveRoom,
  resolveSegment,
  resolveSession,
  type ResolveContext,
  type Resolved,
} from '../../../shared/domain/resolve.ts';
import {
  delegationToItem,
  personToItem,
  roomToItem,
  segmentToItem,
  sessionToItem,
} from '../../../shared/domain/summit-file.ts';
import {
  delegationSchema,
  personSchema,
  roomSchema,
  segmentSchema,
  sessionSchema,
} from '../../../shared/schemas/summit-file.ts';
import type { KeyIds } from './programme.rows.ts';
import type { ListName } from './programme.repo.ts';

export type Refs = { [L in keyof KeyIds]: string[] };
export const noRefs = (): Refs => ({ rooms: [], segments: [], delegations: [], people: [] });

type Item<L extends ListName> = Programme[L][number];

// The parsed item's type differs per list; LISTS pairs each schema with its own resolve and refs.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Parsed = any;

export type ListSpec<L extends ListName> = {
  /** Singular, for messages: "room". */
  noun: string;
  schema: z.ZodType<Parsed, Parsed>;
  resolve(item: Parsed, ctx: ResolveContext, base: string): Resolved<Item<L>>;
  refs(item: Parsed): Refs;
  toItem(value: Item<L>, timeZone: string): Record<string, unknown>;
};

const opt = (k: string | undefined) => (k === undefined ? [] : [k]);

export const LISTS: { [L in ListName]: ListSpec<L> } = {
  rooms: {
    noun: 'room',
    schema: roomSchema,
    resolve: (item) => resolveRoom(item),
    refs: noRefs,
    toItem: (v) => roomToItem(v),
  },
  segments: {
    noun: 'segment',
    schema: segmentSchema,
    resolve: resolveSegment,
    refs: noRefs,
    toItem: segmentToItem,
  },
  delegations: {
    noun: 'delegation',
    schema: delegationSchema,
    resolve: (item) => resolveDelegation(item),
    refs: noRefs,
    toItem: (v) => delegationToItem(v),
  },
  people: {
    noun: 'person',
    schema: personSchema,
    resolve: resolvePerson,
    refs: (p: z.output<typeof personSchema>) => ({ ...noRefs(), delegations: opt(p.delegation) }),
    toItem: (v) => personToItem(v),
  },
  sessions: {
    noun: 'session',
    schema: sessionSchema,
    resolve: resolveSession,
    refs: (s: z.output<typeof sessionSchema>) => ({
      rooms: opt(s.room),
      segments: opt(s.segment),
      people: s.participants.flatMap((p) => opt(p.person)),
      delegations: s.participants.flatMap((p) => opt(p.delegation)),
    }),
    toItem: sessionToItem,
  },
};

export const LIST_NAMES = Object.keys(LISTS) as ListName[];
