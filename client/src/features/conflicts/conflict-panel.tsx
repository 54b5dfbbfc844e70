// The server's conflict report, a page at a time: counts of the whole report by severity and kind,
// then the page's conflicts in plain words, hard before soft, each linking to its sessions. However
// large the report, the browser holds one page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CONFLICT_CODES, type Conflict, SEVERITY } from '../../../../shared/domain/conflicts/types.ts';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { listQuery } from '../programme/api.ts';
import { type ConflictReport, conflictReportQuery, REPORT_PAGE } from './api.ts';
import { type SayConflict, useConflictWords } from './use-conflict-words.ts';

export function ConflictPanel({ slug }: { slug: string }) {
  // Cursors of the pages shown so far: '' is the first page; the last one is on screen.
  const [trail, setTrail] = useState<string[]>(['']);
  const report = useQuery({ ...conflictReportQuery(slug, trail.at(-1)!), placeholderData: keepPreviousData });
  return (
    <Await query={report}>
      {(page) => (
        <Report
          slug={slug}
          page={page}
          first={(trail.length - 1) * REPORT_PAGE + 1}
          onNext={page.next ? () => setTrail([...trail, page.next!]) : undefined}
          onBack={trail.length > 1 ? () => setTrail(trail.slice(0, -1)) : undefined}
        />
      )}
    </Await>
  );
}

type ReportProps = {
  slug: string;
  page: ConflictReport;
  first: number;
  onNext?: () => void;
  onBack?: () => void;
};

function Report({ slug, page, first, onNext, onBack }: ReportProps) {
  const { t, dateLocale } = useI18n();
  const number = new Intl.NumberFormat(dateLocale);
  const count = (severity: 'hard' | 'soft') =>
    number.format(
      CONFLICT_CODES.filter((c) => SEVERITY[c] === severity).reduce((n, c) => n + (page.counts[c] ?? 0), 0),
    );
  return (
    <section className="conflict-panel" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{t('conflicts.title', { hard: count('hard'), soft: count('soft') })}</h2>
      {page.total === 0 && <p>{t('conflicts.none')}</p>}
      {page.total > page.conflicts.length && (
        <p role="status">
          {t('conflicts.page', {
            from: number.format(first),
            to: number.format(first + page.conflicts.length - 1),
            total: number.format(page.total),
          })}
        </p>
      )}
      {(['hard', 'soft'] as const).map((severity) => (
        <Severity key={severity} slug={slug} page={page} severity={severity} />
      ))}
      {(onBack || onNext) && (
        <div className="button-row">
          {onBack && (
            <button type="button" onClick={onBack}>
              {t('conflicts.previous')}
            </button>
          )}
          {onNext && (
            <button type="button" onClick={onNext}>
              {t('conflicts.next', { count: REPORT_PAGE })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Severity({
  slug,
  page,
  severity,
}: {
  slug: string;
  page: ConflictReport;
  severity: 'hard' | 'soft';
}) {
  const { t, dateLocale } = useI18n();
  const number = new Intl.NumberFormat(dateLocale);
  // The programme is read into sentences once for the page, not once a conflict.
  const say = useConflictWords(slug);
  const codes = CONFLICT_CODES.filter((code) => SEVERITY[code] === severity && (page.counts[code] ?? 0) > 0);
  if (codes.length === 0) return null;
  return (
    <section aria-labelledby={`conflicts-${severity}`} className={`conflicts-${severity}`}>
      <h3 id={`conflicts-${severity}`}>{t(`conflicts.${severity}`)}</h3>
      {codes.map((code) => {
        const shown = page.conflicts.filter((c) => c.code === code);
        return (
          <details key={code} open={severity === 'hard'}>
            <summary>
              {t(`conflict.${code}`)} ({number.format(page.counts[code]!)})
            </summary>
            {shown.length > 0 && (
              <ul>
                {shown.map((c) => (
                  <ConflictItem key={itemKey(c)} slug={slug} conflict={c} say={say} />
                ))}
              </ul>
            )}
          </details>
        );
      })}
    </section>
  );
}

const itemKey = (c: Conflict) =>
  `${c.code}|${c.sessions.join()}|${c.room ?? c.person ?? c.delegation ?? ''}|${c.start}`;

function ConflictItem({
  slug,
  conflict,
  say,
}: {
  slug: string;
  conflict: ConflictReport['conflicts'][number];
  say: SayConflict;
}) {
  const { t } = useI18n();
  // The sessions by their titles, as people know them (the list is the programme's, in the cache).
  const sessions = useQuery(listQuery(slug, 'sessions'));
  const title = new Map(sessions.data?.map((s) => [s.key, s.title]));
  return (
    <li className={conflict.accepted ? 'conflict-accepted' : undefined}>
      {conflict.accepted && (
        <strong className="accepted-mark">
          {conflict.accepted.reason
            ? t('conflicts.acceptedBecause', { reason: conflict.accepted.reason })
            : t('conflicts.accepted')}
        </strong>
      )}{' '}
      {say(conflict)}{' '}
      <span className="conflict-links">
        {conflict.sessions.map((key) =>
          title.has(key) ? (
            <Link key={key} href={href('session', { slug, key })}>
              {t('conflicts.open', { title: title.get(key)! })}
            </Link>
          ) : null,
        )}
      </span>
    </li>
  );
}
