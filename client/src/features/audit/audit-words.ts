// The audit log's words in the reader's language (shared/domain/audit-words.ts reads each line).
import { type AuditWords, codeWords } from '../../../../shared/domain/audit-words.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { languageName } from '../../lib/languages.ts';
import { en, type MessageKey } from '../../locales/en.ts';

const known = (key: string): key is MessageKey => key in en;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Which catalogue names a kind, status or role of each kind of item. */
const WORD_KEYS: Record<string, Record<string, string>> = {
  kind: { session: 'kind', segment: 'segmentKind', delegation: 'delegationKindOne' },
  status: { proposal: 'proposalStatus', consultation: 'market.status', session: 'audit.status' },
  role: { participant: 'roleOne', session: 'roleOne', role: 'summitRole' },
};

export function auditWords(t: Translate, dateLocale: string): AuditWords {
  /** A catalogue's word, or the code's own words where the catalogue has none (a value added later). */
  const say = (key: string, fallback: string, params?: Record<string, string | number>) =>
    known(key) ? t(key, params) : fallback;
  const action = (a: string) => say(`audit.action.${a}`, codeWords(a));
  const entity = (e: string) => say(`audit.entity.${e.replace(/ /g, '_')}`, codeWords(e));
  const day = new Intl.DateTimeFormat(dateLocale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return {
    line: (a, e, name) =>
      e === 'programme'
        ? t('audit.lineProgramme', { action: action(a) })
        : name
          ? t('audit.line', { action: action(a), entity: entity(e), name })
          : t('audit.lineUnnamed', { action: action(a), entity: entity(e) }),
    roleLine: (a, role, delegation, email) => {
      const r = say(`summitRole.${role}`, codeWords(role)).toLocaleLowerCase(dateLocale);
      return delegation
        ? t('audit.roleOf', { action: action(a), role: r, delegation, email })
        : t('audit.role', { action: action(a), role: r, email });
    },
    field: (_entity, name) => say(`audit.field.${name}`, capital(codeWords(name))),
    word: (e, field, value) => {
      const base = WORD_KEYS[field]?.[e];
      return base ? say(`${base}.${value}`, codeWords(value)) : codeWords(value);
    },
    yes: t('audit.yes'),
    no: t('audit.no'),
    none: t('audit.none'),
    numbered: (key) => t('audit.numbered', { key }),
    release: (number) => t('audit.release', { number }),
    accepted: (code, sessions, message, reason) => {
      const conflict = say(`conflict.${code}`, message ?? code);
      const titles = new Intl.ListFormat(dateLocale, { type: 'conjunction' }).format(
        sessions.map((s) => `“${s}”`),
      );
      return reason
        ? t('audit.accepted', { conflict, sessions: titles, reason })
        : t('audit.acceptedNoReason', { conflict, sessions: titles });
    },
    participant: (who, role, pending) => {
      const name =
        who.length === 2 ? t('audit.personOf', { person: who[0]!, delegation: who[1]! }) : who.join('');
      if (!role) return name;
      return t(pending ? 'audit.participantPending' : 'audit.participant', { who: name, role });
    },
    day: (date) => day.format(new Date(`${date}T00:00Z`)),
    language: (code) => languageName(code, dateLocale),
    list: (items) => items.join('; '),
  };
}
