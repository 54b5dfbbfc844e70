// Moving a session by hand: "Check" runs the conflict engine in the browser on the new place,
// "Save" sends it; the server checks again and says why it refuses, field by field.
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import { moveBodySchema } from '../../../../shared/schemas/api.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { WallTimeField } from '../../components/wall-time-field.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { displayZone } from '../../lib/zone.ts';
import type { SummitView } from '../summits/api.ts';
import { type MoveBody, useMove } from './api.ts';
import { ConflictList } from './conflict-list.tsx';
import type { Planning } from './use-planning.ts';

type Props = { summit: SummitView; session: Session; planning: Planning };

export function MoveForm({ summit, session, planning }: Props) {
  const { t } = useI18n();
  const zone = displayZone('summit', summit);
  // The form holds the summit's wall clock ("2018-12-07T17:15"), which the server takes in its zone.
  const local = (ms: number | null) => (ms === null ? '' : `${zone.wall(ms).date}T${zone.wall(ms).time}`);
  const form = useSchemaForm(moveBodySchema, {
    // Follows the session when a move elsewhere changes it, keeping what was typed meanwhile.
    values: { room: session.room, start: local(session.start), end: local(session.end) },
    resetOptions: { keepDirtyValues: true },
  });
  const move = useMove(summit.slug);
  const [check, setCheck] = useState<{ moved: Session; conflicts: Conflict[] } | null>(null);
  const { errors } = form.formState;
  const instant = (value: string) =>
    zone.instant(value.slice(0, 10), Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16)));
  const preview = form.handleSubmit((to) => {
    const moved = { ...session, room: to.room ?? null, start: instant(to.start), end: instant(to.end) };
    setCheck({ moved, conflicts: conflictsInvolving(planning.prepared, moved) });
  });
  const save = form.handleSubmit((body: MoveBody) =>
    move.mutateAsync({ key: session.key, ...body }).then(
      () => {
        setCheck(null);
        form.reset();
      },
      (error: unknown) => form.showProblems(error),
    ),
  );
  return (
    <>
      <form className="stack-form" onSubmit={preview} noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <Field id="move-room" label={t('session.where')} error={errors.room}>
          {(control) => (
            <select {...control} {...form.register('room', { setValueAs: (v: string | null) => v || null })}>
              <option value="">{t('programme.noRoom')}</option>
              {planning.programme.rooms.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(['start', 'end'] as const).map((name) => (
          <Controller
            key={name}
            control={form.control}
            name={name}
            render={({ field }) => (
              <WallTimeField
                id={`move-${name}`}
                legend={t(`planning.${name}`, { zone: summit.timeZone })}
                days={summit.days}
                value={field.value ?? ''}
                onChange={field.onChange}
                error={errors[name]}
              />
            )}
          />
        ))}
        <div className="button-row">
          <button type="submit">{t('planning.check')}</button>
          <button type="button" onClick={save} disabled={move.isPending}>
            {t('planning.save')}
          </button>
        </div>
      </form>
      {check && (
        <div role="status">
          <ConflictList
            slug={summit.slug}
            conflicts={check.conflicts}
            instead={[check.moved]}
            empty={t('planning.checkClear')}
          />
        </div>
      )}
    </>
  );
}
