// A proposal as read, field by field in the form's order (a submitted one for its organisers, every
// one on the review desk). Contacts' addresses show only when the API gives them.
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { ProposalCall, ProposalView } from './api.ts';
import { EQUIPMENT_NAMES } from './sections-logistics.tsx';
import { summitMoment } from './times.ts';

const joined = (parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

export function ProposalDetails({ proposal: p, call }: { proposal: ProposalView; call: ProposalCall }) {
  const { t, dateLocale } = useI18n();
  const r = p.requirements;
  const rows: [string, ReactNode][] = [
    [t('proposal.organisers'), p.organiserNames.join('; ')],
    [t('proposal.contacts'), list(p.contacts?.map((c) => joined([c.name, c.title, c.email])))],
    [
      t('proposal.materials'),
      list(
        p.materials?.map((m) =>
          m.url && /^https?:\/\//i.test(m.url) ? (
            <a key={m.url} href={m.url} rel="noreferrer noopener">
              {m.title ?? m.url}
            </a>
          ) : (
            joined([m.title, m.url])
          ),
        ),
      ),
    ],
    [t('proposal.description'), p.description && <Paragraphs text={p.description} />],
    [t('proposal.objective'), p.objective && <Paragraphs text={p.objective} />],
    [t('proposal.expectedResults'), p.expectedResults && <Paragraphs text={p.expectedResults} />],
    [t('proposal.format'), p.format && t(`format.${p.format}`)],
    [
      t('proposal.duration'),
      p.durationMinutes !== undefined && t('proposal.minutes', { count: p.durationMinutes }),
    ],
    [t('proposal.attendance'), p.expectedAttendance],
    [t('proposal.capacity'), r?.capacity],
    [t('proposal.equipment'), r?.equipment?.map((e) => t(EQUIPMENT_NAMES[e])).join(', ')],
    [t('proposal.microphones'), r?.microphones],
    [t('proposal.interpretation'), r?.interpretation?.join(', ')],
    [t('proposal.speakers'), p.speakers && <Paragraphs text={p.speakers} />],
    [
      t('proposal.moderator'),
      p.moderator && joined([p.moderator.name, p.moderator.title, p.moderator.organisation]),
    ],
    [
      t('proposal.panellists'),
      list(p.panellists?.map((x) => joined([x.name, x.title, x.organisation, x.dimension]))),
    ],
    [
      t('proposal.programme'),
      list(p.programme?.map((x) => `${t('proposal.minutes', { count: x.minutes ?? 0 })}: ${x.item ?? ''}`)),
    ],
    [
      t('proposal.preferredStarts'),
      list(p.preferredStarts?.map((s) => summitMoment(s, call.summit.timeZone, dateLocale))),
    ],
  ];
  return (
    <dl className="facts proposal-details">
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)
        .map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function list(items: ReactNode[] | undefined) {
  if (!items?.length) return undefined;
  return (
    <ul>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a read-only form, never reordered.
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered.
        <p key={i} className="pre-line">
          {para}
        </p>
      ))}
    </>
  );
}
