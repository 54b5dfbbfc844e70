// The support unit gives one draft more time to be submitted (PUT …/deadline), when the proposal's
// `actions` include `extend_deadline`: a wall clock in the summit's zone.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deadlineBodySchema } from '../../../../shared/schemas/proposal-api.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { send, summitApi } from '../../lib/api.ts';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { type ProposalView, stepped } from './api.ts';

export function DeadlineForm({
  slug,
  proposal,
  zone,
}: {
  slug: string;
  proposal: ProposalView;
  zone: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const extend = useMutation({
    mutationFn: (until: string) =>
      send<ProposalView>('PUT', summitApi(slug, 'proposals', String(proposal.id), 'deadline'), { until }),
    onSuccess: (view) => stepped(qc, slug, view),
  });
  const form = useSchemaForm(deadlineBodySchema, {
    defaultValues: { until: proposal.deadline?.slice(0, 16) ?? '' },
  });
  const { errors } = form.formState;
  if (!proposal.actions.includes('extend_deadline')) return null;
  const submit = form.handleSubmit(({ until }) =>
    extend.mutateAsync(until ?? '').then(undefined, (error: unknown) => form.showProblems(error)),
  );
  return (
    <section aria-labelledby="extend-deadline">
      <h2 id="extend-deadline">{t('deadline.title')}</h2>
      <form className="stack-form" onSubmit={submit} noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <Field id="deadline-until" label={t('deadline.until', { zone })} error={errors.until}>
          {(control) => <input {...control} type="datetime-local" required {...form.register('until')} />}
        </Field>
        <button type="submit" disabled={extend.isPending}>
          {t('deadline.extend')}
        </button>
        {extend.isSuccess && <p role="status">{t('deadline.extended')}</p>}
      </form>
    </section>
  );
}
