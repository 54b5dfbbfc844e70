import { linkRequestSchema, tokenBodySchema } from '../../../../shared/schemas/accounts.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { useRequestLink, useTokenSignIn } from './api.ts';

export function SignInPage({ email, next }: { email?: string; next?: string }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <LinkForm email={email} next={next} />
      <details className="token-sign-in">
        <summary>{t('signIn.tokenTitle')}</summary>
        <TokenForm />
      </details>
    </>
  );
}

function LinkForm({ email, next }: { email?: string; next?: string }) {
  const { t } = useI18n();
  const form = useSchemaForm(linkRequestSchema, { defaultValues: { email: email ?? '', next } });
  const requestLink = useRequestLink();
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) =>
    requestLink.mutateAsync(body).catch((error: unknown) => form.showProblems(error)),
  );
  return (
    <>
      <form onSubmit={submit} className="stack-form" noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <Field id="sign-in-email" label={t('signIn.email')} error={errors.email}>
          {(control) => (
            <input {...control} type="email" required autoComplete="email" {...form.register('email')} />
          )}
        </Field>
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('signIn.send')}
        </button>
      </form>
      {requestLink.isSuccess && <p role="status">{t('signIn.sent')}</p>}
    </>
  );
}

function TokenForm() {
  const { t } = useI18n();
  const form = useSchemaForm(tokenBodySchema, { defaultValues: { token: '' } });
  const signIn = useTokenSignIn();
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) =>
    signIn.mutateAsync(body).then(
      () => navigate(href('me')),
      (error: unknown) => form.showProblems(error),
    ),
  );
  return (
    <form onSubmit={submit} className="stack-form" noValidate>
      <FormErrorSummary errors={errors} refused={form.refused} />
      <Field id="sign-in-token" label={t('signIn.token')} error={errors.token}>
        {(control) => (
          <input {...control} type="password" required autoComplete="off" {...form.register('token')} />
        )}
      </Field>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('signIn.tokenSubmit')}
      </button>
    </form>
  );
}
