// After the event, the organisers' short report, as the GFMD form asks: attendance, conclusions,
// follow-up. Shown once the proposal's `actions` include `report`; it may be replaced.
import { proposalReportSchema } from '../../../../shared/schemas/proposal-api.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { type ProposalView, useReport } from './api.ts';

export function Report({ slug, proposal }: { slug: string; proposal: ProposalView }) {
  const { t } = useI18n();
  const { report } = proposal;
  const may = proposal.actions.includes('report');
  if (!report && !may) return null;
  return (
    <section aria-labelledby="report" className="report">
      <h2 id="report">{t('report.title')}</h2>
      {report && (
        <dl className="facts">
          <dt>{t('report.attendance')}</dt>
          <dd>{report.attendance}</dd>
          <dt>{t('report.conclusions')}</dt>
          <dd className="pre-line">{report.conclusions}</dd>
          {report.followUp && (
            <>
              <dt>{t('report.followUp')}</dt>
              <dd className="pre-line">{report.followUp}</dd>
            </>
          )}
        </dl>
      )}
      {may && <ReportForm slug={slug} proposal={proposal} />}
    </section>
  );
}

function ReportForm({ slug, proposal }: { slug: string; proposal: ProposalView }) {
  const { t } = useI18n();
  const save = useReport(slug, proposal.id);
  const form = useSchemaForm(proposalReportSchema, {
    defaultValues: {
      attendance: proposal.report?.attendance,
      conclusions: proposal.report?.conclusions ?? '',
      followUp: proposal.report?.followUp ?? '',
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) =>
    save.mutateAsync(body).then(undefined, (error: unknown) => form.showProblems(error)),
  );
  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      <FormErrorSummary errors={errors} refused={form.refused} />
      <Field id="report-attendance" label={t('report.attendance')} error={errors.attendance}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            {...form.register('attendance', { valueAsNumber: true })}
          />
        )}
      </Field>
      <Field id="report-conclusions" label={t('report.conclusions')} error={errors.conclusions}>
        {(control) => <textarea {...control} rows={6} {...form.register('conclusions')} />}
      </Field>
      <Field id="report-follow-up" label={t('report.followUp')} error={errors.followUp}>
        {(control) => <textarea {...control} rows={4} {...form.register('followUp')} />}
      </Field>
      <button type="submit" disabled={save.isPending}>
        {proposal.report ? t('report.replace') : t('report.send')}
      </button>
      {save.isSuccess && <p role="status">{t('report.saved')}</p>}
    </form>
  );
}
