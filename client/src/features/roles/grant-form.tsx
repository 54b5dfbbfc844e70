// Giving a role, with the schema the server's route validates with (grantBodySchema): the
// browser checks the address, the server what only it knows (a role given twice, a delegation
// a role needs) and each of its answers lands on the field it names.
import { useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { GRANTED_ROLES } from '../../../../shared/domain/vocabulary.ts';
import { grantBodySchema } from '../../../../shared/schemas/accounts.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { listQuery } from '../programme/api.ts';
import { useGrant } from './api.ts';

export function GrantForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const delegations = useQuery(listQuery(slug, 'delegations'));
  const grant = useGrant(slug);
  const form = useSchemaForm(grantBodySchema, {
    defaultValues: { email: '', role: 'delegate', invite: true },
  });
  const { errors } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });
  const needsDelegation = role === 'focal_point' || role === 'delegate';
  const submit = form.handleSubmit((body) =>
    grant.mutateAsync(body).then(
      () => form.resetField('email'),
      (error: unknown) => form.showProblems(error),
    ),
  );
  return (
    <>
      <form onSubmit={submit} className="stack-form" noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <Field id="grant-email" label={t('roles.email')} error={errors.email}>
          {(control) => <input {...control} type="email" required {...form.register('email')} />}
        </Field>
        <Field id="grant-role" label={t('roles.role')} error={errors.role}>
          {(control) => (
            <select {...control} {...form.register('role')}>
              {GRANTED_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`summitRole.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsDelegation && (
          <Field id="grant-delegation" label={t('roles.delegation')} error={errors.delegation}>
            {(control) => (
              // Unregistered when hidden, so that a visitor's role is sent without a delegation.
              <select
                {...control}
                required
                {...form.register('delegation', {
                  setValueAs: (v?: string) => v || undefined,
                  shouldUnregister: true,
                })}
              >
                <option value="" />
                {delegations.data?.map((d) => (
                  <option key={d.key} value={d.key}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <ErrorAlert error={needsDelegation && delegations.error} />
        <label className="inline">
          <input type="checkbox" {...form.register('invite')} /> {t('roles.invite')}
        </label>
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('roles.add')}
        </button>
      </form>
      {grant.isSuccess && <p role="status">{t('form.done')}</p>}
    </>
  );
}
