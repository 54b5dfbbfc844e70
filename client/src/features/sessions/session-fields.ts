// The fields of the session editor, on the shared session schema, and the session a form's values
// would make (for the in-browser conflict check before saving).
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import { SESSION_KINDS } from '../../../../shared/domain/vocabulary.ts';
import { sessionSchema } from '../../../../shared/schemas/summit-file.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { languageOptions } from '../../lib/languages.ts';
import type { DisplayZone } from '../../lib/zone.ts';
import type { Planning } from '../conflicts/use-planning.ts';
import type { FieldSpec } from '../setup/fields.tsx';

export const sessionFormSchema = sessionSchema.pick({
  key: true,
  title: true,
  kind: true,
  segment: true,
  room: true,
  start: true,
  end: true,
  expectedAttendance: true,
  languages: true,
  interpretation: true,
});

/** The languages the editor offers: the UN's six and a few more, and any the session already has. */
const OFFERED = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de'];
export type SessionValues = Record<string, unknown>;

export function sessionFields(
  t: Translate,
  planning: Planning,
  locale: string,
  has: { languages?: string[]; interpretation?: string[] } = {},
): FieldSpec[] {
  const { rooms, segments } = planning.programme;
  const languages = (list: 'languages' | 'interpretation') =>
    languageOptions([...OFFERED, ...(has[list] ?? [])], locale).map(([value, label]) => ({ value, label }));
  return [
    { name: 'title', label: 'edit.field.title', type: 'text' },
    { name: 'key', label: 'edit.field.key', type: 'text', createOnly: true, hint: 'edit.field.keyHint' },
    {
      name: 'kind',
      label: 'edit.field.kind',
      type: 'select',
      options: SESSION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
    },
    {
      name: 'segment',
      label: 'edit.field.segment',
      type: 'select',
      optional: true,
      options: segments.map((s) => ({ value: s.key, label: s.title })),
    },
    {
      name: 'room',
      label: 'edit.field.room',
      type: 'select',
      optional: true,
      options: rooms.map((r) => ({ value: r.key, label: r.name })),
    },
    { name: 'start', label: 'edit.field.start', type: 'datetime', optional: true },
    { name: 'end', label: 'edit.field.end', type: 'datetime', optional: true },
    { name: 'expectedAttendance', label: 'edit.field.expectedAttendance', type: 'number', optional: true },
    { name: 'languages', label: 'edit.field.languages', type: 'checkboxes', options: languages('languages') },
    {
      name: 'interpretation',
      label: 'edit.field.interpretation',
      type: 'checkboxes',
      options: languages('interpretation'),
    },
  ];
}

const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** The conflicts the session would be in with these values, or null when it has no whole time. */
export function conflictsWith(
  planning: Planning,
  zone: DisplayZone,
  base: Session,
  values: SessionValues,
): { session: Session; conflicts: Conflict[] } | null {
  const at = (v: unknown) => {
    const m = typeof v === 'string' ? WALL.exec(v) : null;
    return m ? zone.instant(m[1]!, Number(m[2]) * 60 + Number(m[3])) : null;
  };
  const start = at(values.start);
  const end = at(values.end);
  if (start === null || end === null || end <= start) return null;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const attendance = values.expectedAttendance;
  const session: Session = {
    ...base,
    // The title as typed: the check's sentences name the session by it.
    title: typeof values.title === 'string' && values.title.trim() ? values.title.trim() : base.title,
    kind: (values.kind as Session['kind']) ?? base.kind,
    segment: text(values.segment),
    room: text(values.room),
    start,
    end,
    expectedAttendance: typeof attendance === 'number' && !Number.isNaN(attendance) ? attendance : null,
  };
  return { session, conflicts: conflictsInvolving(planning.prepared, session) };
}

/** A session not yet saved, as the conflict engine reads one. */
export const blankSession = (key: string): Session => ({
  key,
  kind: 'meeting',
  title: '',
  segment: null,
  room: null,
  start: null,
  end: null,
  durationMinutes: 60,
  preferredStarts: [],
  expectedAttendance: null,
  equipment: [],
  microphones: null,
  pinned: false,
  status: 'draft',
  participants: [],
});
