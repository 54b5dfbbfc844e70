import { useQuery } from '@tanstack/react-query';
import { newTokenBodySchema } from '../../../../shared/schemas/accounts.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { tokensQuery, useCreateToken, useRevokeToken } from './api.ts';

export function ApiTokens() {
  const { t } = useI18n();
  const tokens = useQuery(tokensQuery);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const form = useSchemaForm(newTokenBodySchema, { defaultValues: { name: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) =>
    create.mutateAsync(body).then(
      () => form.reset(),
      (error: unknown) => form.showProblems(error),
    ),
  );
  return (
    <section aria-labelledby="api-tokens">
      <h2 id="api-tokens">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      <form onSubmit={submit} className="stack-form" noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <Field id="token-name" label={t('tokens.name')} error={errors.name}>
          {(control) => <input {...control} required maxLength={100} {...form.register('name')} />}
        </Field>
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('tokens.create')}
        </button>
      </form>
      {create.data && (
        <p role="status">
          {t('tokens.shownOnce')} <code className="secret">{create.data.token}</code>
        </p>
      )}
      <Await query={tokens}>
        {(list) => (
          <ul>
            {list
              .filter((tk) => !tk.revokedAt)
              .map((tk) => (
                <li key={tk.id}>
                  {tk.name} ({tk.createdBy}){' '}
                  <button type="button" onClick={() => revoke.mutate(tk.id)}>
                    {t('tokens.revoke', { name: tk.name })}
                  </button>
                  {revoke.variables === tk.id && <ErrorAlert error={revoke.error} />}
                </li>
              ))}
          </ul>
        )}
      </Await>
    </section>
  );
}
