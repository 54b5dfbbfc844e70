// What differs between the set-up lists: the shared schema the form and the API check with, the
// fields shown, an item's name, and the line that describes it in the list.
import type { z } from 'zod';
import { DELEGATION_KINDS, EQUIPMENT, SEGMENT_KINDS } from '../../../../shared/domain/vocabulary.ts';
import {
  type DelegationItem,
  delegationSchema,
  type PersonItem,
  personSchema,
  type RoomItem,
  roomSchema,
  type SegmentItem,
  segmentSchema,
} from '../../../../shared/schemas/summit-file.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { formatMinutes } from '../../lib/zone.ts';
import type { SetupList } from './api.ts';
import type { FieldSpec } from './fields.tsx';

type AnyItem = RoomItem | SegmentItem | DelegationItem | PersonItem;
export type ListSpec = {
  schema: z.ZodObject<z.ZodRawShape>;
  fields: FieldSpec[];
  /** The field a new item's key is made from. */
  nameField: 'name' | 'title';
  nameOf(item: AnyItem): string;
  lineOf(item: AnyItem): string;
};

const key: FieldSpec = {
  name: 'key',
  label: 'edit.field.key',
  type: 'text',
  createOnly: true,
  hint: 'edit.field.keyHint',
};
const hhmm = (time: string) => formatMinutes(Number(time.slice(11, 13)) * 60 + Number(time.slice(14, 16)));

export function listSpec(
  list: SetupList,
  t: Translate,
  delegations: readonly DelegationItem[],
  formatDay: (date: string) => string,
): ListSpec {
  const delegationName = (k: string | undefined) => delegations.find((d) => d.key === k)?.name;
  switch (list) {
    case 'rooms':
      return {
        schema: roomSchema,
        nameField: 'name',
        fields: [
          { name: 'name', label: 'edit.field.name', type: 'text' },
          key,
          { name: 'capacity', label: 'edit.field.capacity', type: 'number' },
          { name: 'building', label: 'edit.field.building', type: 'text', optional: true },
          {
            name: 'equipment',
            label: 'edit.field.equipment',
            type: 'checkboxes',
            options: EQUIPMENT.map((e) => ({ value: e, label: t(`equipment.${e}`) })),
          },
          { name: 'microphones', label: 'edit.field.microphones', type: 'number' },
          { name: 'changeoverMinutes', label: 'edit.field.changeoverMinutes', type: 'number' },
        ],
        nameOf: (i) => (i as RoomItem).name,
        lineOf: (i) => {
          const r = i as RoomItem;
          return [t('session.capacity', { count: r.capacity }), r.building].filter(Boolean).join(', ');
        },
      };
    case 'segments':
      return {
        schema: segmentSchema,
        nameField: 'title',
        fields: [
          { name: 'title', label: 'edit.field.title', type: 'text' },
          key,
          {
            name: 'kind',
            label: 'edit.field.kind',
            type: 'select',
            options: SEGMENT_KINDS.map((k) => ({ value: k, label: t(`segmentKind.${k}`) })),
          },
          { name: 'start', label: 'edit.field.start', type: 'datetime' },
          { name: 'end', label: 'edit.field.end', type: 'datetime' },
        ],
        nameOf: (i) => (i as SegmentItem).title,
        lineOf: (i) => {
          const s = i as SegmentItem;
          return `${t(`segmentKind.${s.kind}`)}, ${formatDay(s.start.slice(0, 10))}, ${hhmm(s.start)}–${hhmm(s.end)}`;
        },
      };
    case 'delegations':
      return {
        schema: delegationSchema,
        nameField: 'name',
        fields: [
          { name: 'name', label: 'edit.field.name', type: 'text' },
          key,
          {
            name: 'kind',
            label: 'edit.field.kind',
            type: 'select',
            options: DELEGATION_KINDS.map((k) => ({ value: k, label: t(`delegationKindOne.${k}`) })),
          },
          { name: 'size', label: 'edit.field.size', type: 'number' },
        ],
        nameOf: (i) => (i as DelegationItem).name,
        lineOf: (i) => {
          const d = i as DelegationItem;
          const size = t('edit.delegates', { count: d.size });
          return `${t(`delegationKindOne.${d.kind}`)}, ${size}`;
        },
      };
    case 'people':
      return {
        schema: personSchema,
        nameField: 'name',
        fields: [
          { name: 'name', label: 'edit.field.name', type: 'text' },
          key,
          { name: 'title', label: 'edit.field.personTitle', type: 'text', optional: true },
          { name: 'email', label: 'edit.field.email', type: 'email', optional: true },
          {
            name: 'delegation',
            label: 'edit.field.delegation',
            type: 'select',
            optional: true,
            options: delegations.map((d) => ({ value: d.key, label: d.name })),
          },
        ],
        nameOf: (i) => (i as PersonItem).name,
        lineOf: (i) => {
          const p = i as PersonItem;
          return [p.title, delegationName(p.delegation), p.email].filter(Boolean).join(', ');
        },
      };
  }
}

/** A new item's values: what the schema would default, and the first choice of each select. */
export function blankItem(spec: ListSpec): Record<string, unknown> {
  return Object.fromEntries(
    spec.fields.map((f) => [
      f.name,
      f.type === 'checkboxes'
        ? []
        : f.type === 'select' && !f.optional
          ? f.options?.[0]?.value
          : f.type === 'number'
            ? f.name === 'capacity' || f.name === 'size'
              ? undefined
              : 0
            : f.optional
              ? null
              : '',
    ]),
  );
}
