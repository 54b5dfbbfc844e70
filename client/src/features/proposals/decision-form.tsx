// The support unit's decision on a submitted proposal: accept, reject, or request changes with a
// message to the organisers (the server refuses a change request without one, on its field). Only
// the decisions the proposal's `actions` allow are offered.
import type { Decision } from '../../../../shared/domain/proposals.ts';
import { decisionBodySchema } from '../../../../shared/schemas/proposal-api.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';
import { type ProposalView, useDecision } from './api.ts';

const BUTTONS: Record<Decision, MessageKey> = {
  accept: 'decision.accept',
  request_changes: 'decision.request_changes',
  reject: 'decision.reject',
};

export function DecisionForm({ slug, proposal }: { slug: string; proposal: ProposalView }) {
  const { t } = useI18n();
  const decide = useDecision(slug, proposal.id);
  const form = useSchemaForm(decisionBodySchema, { defaultValues: { decision: 'accept', message: '' } });
  const { errors } = form.formState;
  const offered = (['accept', 'request_changes', 'reject'] as const).filter((d) =>
    proposal.actions.includes(d),
  );
  if (offered.length === 0) return null;
  const send = (decision: Decision) => {
    form.setValue('decision', decision);
    return form.handleSubmit(({ message, ...body }) =>
      decide.mutateAsync({ ...body, ...(message && { message }) }).then(
        () => form.reset({ decision: 'accept', message: '' }),
        (error: unknown) => form.showProblems(error),
      ),
    )();
  };
  return (
    <section aria-labelledby="decision" className="decision">
      <h2 id="decision">{t('decision.title')}</h2>
      <form className="stack-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <Field id="decision-message" label={t('decision.message')} error={errors.message}>
          {(control) => <textarea {...control} rows={4} {...form.register('message')} />}
        </Field>
        <div className="button-row">
          {offered.map((d) => (
            <button
              key={d}
              type="button"
              className={d === 'accept' ? undefined : 'secondary'}
              disabled={decide.isPending}
              onClick={() => send(d)}
            >
              {t(BUTTONS[d])}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}
