// A session's participants for the support unit: each with its role and a button to remove it, and
// a form to add a person or a delegation with a role. The API checks each change as it checks any
// (a published session stays out of new hard conflicts).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES } from '../../../../shared/domain/vocabulary.ts';
import { participantSchema } from '../../../../shared/schemas/summit-file.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Planning } from '../conflicts/use-planning.ts';
import { participantsQuery, useAddParticipant, useRemoveParticipant } from '../setup/api.ts';

type Props = { slug: string; sessionKey: string; planning: Planning };
type Who = 'person' | 'delegation';

export function ParticipantsEditor({ slug, sessionKey, planning }: Props) {
  const { t } = useI18n();
  const participants = useQuery(participantsQuery(slug, sessionKey));
  const remove = useRemoveParticipant(slug, sessionKey);
  const { people, delegations } = planning.programme;
  const nameOf = (p: { person?: string; delegation?: string }) =>
    p.person
      ? (people.find((x) => x.key === p.person)?.name ?? p.person)
      : (delegations.find((x) => x.key === p.delegation)?.name ?? p.delegation ?? '');
  return (
    <section aria-labelledby="participants-editor">
      <h2 id="participants-editor">{t('sessionEdit.participants')}</h2>
      <ErrorAlert error={remove.error} />
      <Await query={participants}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('session.noParticipants')}</p>
          ) : (
            <ul className="setup-items">
              {list.map((p) => {
                const name = nameOf(p);
                const role = t(`roleName.${p.role}`);
                return (
                  <li key={p.id}>
                    <span>{t('sessionEdit.participantLine', { name, role })}</span>
                    <button
                      type="button"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(p.id)}
                      aria-label={t('sessionEdit.remove', { name, role })}
                    >
                      {t('sessionEdit.removeShort')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Await>
      <AddParticipant slug={slug} sessionKey={sessionKey} planning={planning} />
    </section>
  );
}

function AddParticipant({ slug, sessionKey, planning }: Props) {
  const { t } = useI18n();
  const [who, setWho] = useState<Who>('person');
  const form = useSchemaForm(participantSchema, {
    defaultValues: { person: null, delegation: null, role: 'participant' },
  });
  const add = useAddParticipant(slug, sessionKey);
  const { errors } = form.formState;
  const choices =
    who === 'person'
      ? planning.programme.people.map((p) => ({ value: p.key, label: p.name }))
      : planning.programme.delegations.map((d) => ({ value: d.key, label: d.name }));
  const save = form.handleSubmit((values) =>
    add.mutateAsync(values).then(
      () => form.reset({ person: null, delegation: null, role: values.role }),
      (error: unknown) => form.showProblems(error),
    ),
  );
  const submit = (e: React.FormEvent) => {
    if (!form.getValues(who)) {
      e.preventDefault();
      form.setError(
        who,
        { type: 'required', message: t('sessionEdit.chooseMissing') },
        { shouldFocus: true },
      );
      return;
    }
    return save(e);
  };
  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      <FormErrorSummary errors={errors} refused={form.refused} />
      <fieldset>
        <legend>{t('sessionEdit.who')}</legend>
        {(['person', 'delegation'] as const).map((w) => (
          <label key={w}>
            <input
              type="radio"
              name="participant-who"
              checked={who === w}
              onChange={() => {
                setWho(w);
                form.reset({ person: null, delegation: null, role: form.getValues('role') });
              }}
            />{' '}
            {t(w === 'person' ? 'sessionEdit.whoPerson' : 'sessionEdit.whoDelegation')}
          </label>
        ))}
      </fieldset>
      <Field
        key={who}
        id={`participant-${who}`}
        label={t(who === 'person' ? 'edit.field.person' : 'edit.field.delegation')}
        error={errors[who]}
      >
        {(control) => (
          <select {...control} {...form.register(who, { setValueAs: (v: string | null) => v || null })}>
            <option value="">{t('sessionEdit.choose')}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="participant-role" label={t('edit.field.role')} error={errors.role}>
        {(control) => (
          <select {...control} {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roleName.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" disabled={add.isPending}>
          {t('sessionEdit.add')}
        </button>
      </div>
    </form>
  );
}
