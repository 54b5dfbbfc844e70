// The support unit's session editor: a new session, or one's title, kind, segment, room, times and
// attendance, with the conflicts those values would bring, checked in the browser as they are typed
// (the server's engine, run here), then by the API on save. A published session that a change
// would put in new hard conflicts is saved only once each is accepted with a reason, as the API
// requires; the acceptance goes to the audit log.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { FormAlert } from '../../components/field.tsx';
import { Await, NotFound } from '../../components/status.tsx';
import { ApiError } from '../../lib/api.ts';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { displayZone } from '../../lib/zone.ts';
import { ConflictList } from '../conflicts/conflict-list.tsx';
import { useConflictWords } from '../conflicts/use-conflict-words.ts';
import { type Planning, usePlanning } from '../conflicts/use-planning.ts';
import { listQuery } from '../programme/api.ts';
import { asPatch, useDeleteItem, useSaveItem } from '../setup/api.ts';
import { DeleteButton } from '../setup/delete-button.tsx';
import { Fields, keyFrom, useKeyFollows, wallTime } from '../setup/fields.tsx';
import type { SummitView } from '../summits/api.ts';
import { ParticipantsEditor } from './participants-editor.tsx';
import { blankSession, conflictsWith, sessionFields, sessionFormSchema } from './session-fields.ts';

export function SessionNewPage({ summit, day }: { summit: SummitView; day: string | undefined }) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  const start = day && summit.days.includes(day) ? day : summit.days[0];
  return (
    <>
      <h1>{t('sessionEdit.new')}</h1>
      {planning ? (
        <>
          <SessionForm summit={summit} planning={planning} item={null} day={start} />
          <p>{t('sessionEdit.createFirst')}</p>
        </>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </>
  );
}

export function SessionEditPage({ summit, sessionKey }: { summit: SummitView; sessionKey: string }) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  const sessions = useQuery(listQuery(summit.slug, 'sessions'));
  const remove = useDeleteItem(summit.slug, 'sessions');
  return (
    <Await query={sessions}>
      {(all) => {
        const item = all.find((s) => s.key === sessionKey);
        if (!item) return <NotFound />;
        return (
          <>
            <p>
              <Link href={href('session', { slug: summit.slug, key: sessionKey })}>
                {t('sessionEdit.back')}
              </Link>
            </p>
            <h1>{t('sessionEdit.title', { title: item.title })}</h1>
            {planning ? (
              <>
                <SessionForm summit={summit} planning={planning} item={item} day={undefined} />
                <ParticipantsEditor slug={summit.slug} sessionKey={sessionKey} planning={planning} />
              </>
            ) : (
              <p role="status">{t('app.loading')}</p>
            )}
            <FormAlert error={remove.error ? { message: remove.error.message } : undefined} />
            <DeleteButton
              name={item.title}
              label={t('sessionEdit.delete')}
              pending={remove.isPending}
              onDelete={() =>
                remove.mutate(sessionKey, {
                  onSuccess: () => navigate(href('programme', { slug: summit.slug })),
                })
              }
            />
          </>
        );
      }}
    </Await>
  );
}

const refOf = (c: Conflict, reason: string) => ({
  code: c.code,
  sessions: c.sessions,
  ...(c.room && { room: c.room }),
  ...(c.person && { person: c.person }),
  ...(c.delegation && { delegation: c.delegation }),
  ...(reason && { reason }),
});

type FormProps = {
  summit: SummitView;
  planning: Planning;
  item: SessionItem | null;
  day: string | undefined;
};

function SessionForm({ summit, planning, item, day }: FormProps) {
  const { t, dateLocale } = useI18n();
  const say = useConflictWords(summit.slug);
  const zone = displayZone('summit', summit);
  const form = useSchemaForm(sessionFormSchema, {
    defaultValues: item
      ? {
          key: item.key,
          title: item.title,
          kind: item.kind,
          segment: item.segment ?? null,
          room: item.room ?? null,
          start: item.start ? wallTime(item.start) : null,
          end: item.end ? wallTime(item.end) : null,
          expectedAttendance: item.expectedAttendance ?? null,
          languages: item.languages ?? [],
          interpretation: item.interpretation ?? [],
        }
      : {
          key: '',
          title: '',
          kind: 'side_event',
          segment: null,
          room: null,
          start: day ? `${day}T09:00` : null,
          end: day ? `${day}T10:00` : null,
          expectedAttendance: null,
          languages: [],
          interpretation: [],
        },
  });
  useKeyFollows(form as never, 'title', !item);
  const save = useSaveItem(summit.slug, 'sessions');
  const [refused, setRefused] = useState<Conflict[] | null>(null);
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [saved, setSaved] = useState(false);
  const values = useWatch({ control: form.control });
  const specs = sessionFields(t, planning, dateLocale, item ?? {}).filter((f) => !(item && f.createOnly));
  const base = item ? planning.programme.sessions.find((s) => s.key === item.key) : undefined;
  const check = conflictsWith(
    planning,
    zone,
    base ?? blankSession(String(values.key || '\u0000new')),
    values,
  );
  const names = specs.map((f) => f.name).filter((n) => n !== 'key');
  const write = (accept: Conflict[] | null) =>
    form.handleSubmit((v) => {
      const out = v as Record<string, unknown>;
      if (!item && !out.key) out.key = keyFrom(String(out.title));
      const body = item
        ? {
            ...asPatch(out, names),
            ...(accept && { accept: accept.map((c, i) => refOf(c, reasons[i] ?? '')) }),
          }
        : out;
      return save.mutateAsync({ key: item ? item.key : null, body }).then(
        (written) => {
          setRefused(null);
          setSaved(true);
          if (!item) navigate(href('sessionEdit', { slug: summit.slug, key: String(written.key) }));
        },
        (error: unknown) => {
          setSaved(false);
          const conflicts =
            error instanceof ApiError ? (error.body as { conflicts?: Conflict[] })?.conflicts : null;
          if (conflicts?.length) setRefused(conflicts);
          else form.showProblems(error);
        },
      );
    });
  return (
    <form className="stack-form" onSubmit={write(null)} noValidate>
      <h2>{t('sessionEdit.details')}</h2>
      <FormErrorSummary errors={form.formState.errors} refused={form.refused} />
      <Fields idPrefix="session" specs={specs} form={form as never} zone={summit.timeZone} />
      <section aria-labelledby="session-check" className="session-check">
        <h3 id="session-check">{t('sessionEdit.check')}</h3>
        <div role="status">
          {check === null ? (
            <p>{t('sessionEdit.checkIncomplete')}</p>
          ) : (
            <ConflictList
              slug={summit.slug}
              conflicts={check.conflicts}
              instead={[check.session]}
              empty={t('sessionEdit.checkClear')}
            />
          )}
        </div>
      </section>
      {refused && (
        <div role="alert">
          <p>{t('sessionEdit.refused')}</p>
          {refused.map((c, i) => (
            <p key={`${c.code}${c.sessions.join()}${c.room ?? c.person ?? c.delegation}`} className="accept">
              <label>
                {t('plan.accept', { message: say(c) })}{' '}
                <input
                  value={reasons[i] ?? ''}
                  aria-label={`${t('plan.reason')}: ${say(c)}`}
                  onChange={(e) => setReasons({ ...reasons, [i]: e.target.value })}
                />
              </label>
            </p>
          ))}
          <button type="button" onClick={write(refused)} disabled={save.isPending}>
            {t('sessionEdit.saveAccepting')}
          </button>
        </div>
      )}
      <div className="button-row">
        <button type="submit" disabled={save.isPending}>
          {item ? t('edit.save') : t('edit.create')}
        </button>
      </div>
      {saved && <p role="status">{t('edit.saved')}</p>}
    </form>
  );
}
