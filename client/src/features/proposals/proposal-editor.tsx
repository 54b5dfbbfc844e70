// The proposal form, saved as it is typed (draft-saver.ts) and submitted once: the browser checks
// it with the shared schema first, then the server; every problem lands on its field and in the
// summary at the top, which takes the focus. One Idempotency-Key per intent to submit, reused
// when that intent is retried, so that a double click or a retry makes one submission.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { Problem } from '../../../../shared/schemas/problems.ts';
import { errorText } from '../../components/status.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { idempotencyKey, type ProposalCall, type ProposalView, proposalQuery, useSubmit } from './api.ts';
import { submitCheck } from './form-check.ts';
import { ProposalProblems, ProblemsProvider } from './form-problems.tsx';
import { emptyForm, type FormValues, toFormValues } from './form-values.ts';
import { browserDrafts } from './local-drafts.ts';
import { ProgrammeSection, StartsSection } from './programme-section.tsx';
import { SaveStatus } from './save-status.tsx';
import { EventSection, MaterialsSection, OrganisersSection, TextsSection } from './sections-event.tsx';
import { FormatSection, PeopleSection, RequirementsSection } from './sections-logistics.tsx';
import { baseOf, useDraftSaver } from './use-draft-saver.ts';

type Props = {
  slug: string;
  call: ProposalCall;
  /** null: a new proposal, created by its first keystroke. */
  proposal: ProposalView | null;
  /** Load the proposal as saved, dropping what this browser kept. */
  onReload: () => void;
  onSubmitted: () => void;
};

const copy = (values: FormValues): FormValues => structuredClone(values);

export function ProposalEditor({ slug, call, proposal, onReload, onSubmitted }: Props) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const local = useMemo(() => browserDrafts<FormValues>(slug), [slug]);
  // What this browser kept and the server has not: sent again when it changes the version the server
  // has; when the proposal changed since, the person chooses.
  const [kept] = useState(() => local.read(proposal?.id ?? null));
  const resumes = kept !== null && (proposal === null || kept.version === proposal.version);
  const [olderKept, setOlderKept] = useState(resumes ? null : kept);
  const form = useForm<FormValues>({
    defaultValues: resumes ? kept.values : proposal ? toFormValues(proposal) : emptyForm(),
  });
  const { saver, state } = useDraftSaver(slug, proposal, (view) =>
    navigate(href('proposal', { slug, id: String(view.id) }), { replace: true }),
  );

  const [problems, setProblems] = useState<Problem[]>([]);
  const checked = useRef(false);
  const [focusSummary, setFocusSummary] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribed once, for the form's life.
  useEffect(() => {
    if (resumes) saver.change(copy(form.getValues()));
    const sub = form.watch(() => {
      const values = copy(form.getValues());
      saver.change(values);
      if (checked.current) setProblems(submitCheck(values, call));
    });
    return () => sub.unsubscribe();
  }, []);

  const [keepError, setKeepError] = useState<unknown>(null);
  const keepMine = async () => {
    setKeepError(null);
    try {
      const view = await qc.fetchQuery({ ...proposalQuery(slug, saver.savedId!), staleTime: 0 });
      saver.keepMine(view.version, baseOf(view));
    } catch (error) {
      setKeepError(error);
    }
  };
  const loadSaved = () => {
    local.remove(saver.savedId);
    onReload();
  };

  const submit = useSubmit(slug);
  const intent = useRef<string | null>(null);
  const busy = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const onSubmit = async () => {
    if (busy.current) return; // a second click of a double click
    busy.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      checked.current = true;
      const values = copy(form.getValues());
      const found = submitCheck(values, call);
      setProblems(found);
      if (found.length > 0) return setFocusSummary((n) => n + 1);
      if (!(await saver.flush()) || saver.savedId === null) return setSubmitError(t('proposal.notSavedYet'));
      intent.current ??= idempotencyKey();
      await submit.mutateAsync({ id: saver.savedId, key: intent.current });
      intent.current = null;
      onSubmitted();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setProblems([...error.problems]);
        setFocusSummary((n) => n + 1);
      } else setSubmitError(errorText(t, error));
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const shown = checked.current ? problems : state.kind === 'invalid' ? state.problems : [];
  const maySubmit = proposal ? proposal.actions.includes('submit') : call.open;
  return (
    <FormProvider {...form}>
      <ProblemsProvider value={shown}>
        <SaveStatus state={state} onLoadSaved={loadSaved} onKeepMine={keepMine} keepError={keepError} />
        {olderKept && (
          <div className="notice">
            <p>{t('proposal.olderKept')}</p>
            <div className="button-row">
              <button
                type="button"
                onClick={() => {
                  form.reset(olderKept.values);
                  saver.change(copy(olderKept.values));
                  setOlderKept(null);
                }}
              >
                {t('proposal.useKept')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  local.remove(proposal?.id ?? null);
                  setOlderKept(null);
                }}
              >
                {t('proposal.dropKept')}
              </button>
            </div>
          </div>
        )}
        <ProposalProblems problems={shown} refused={focusSummary} />
        <form className="proposal-form" noValidate onSubmit={(e) => e.preventDefault()}>
          <EventSection />
          <OrganisersSection call={call} />
          <MaterialsSection />
          <TextsSection />
          <FormatSection call={call} />
          <RequirementsSection call={call} />
          <PeopleSection />
          <ProgrammeSection />
          <StartsSection call={call} />
          {!maySubmit && proposal?.status !== 'changes_requested' && <p>{t('proposal.closed')}</p>}
          {maySubmit && (
            <div className="form-actions">
              <button type="button" onClick={onSubmit} disabled={submitting} aria-disabled={submitting}>
                {submitting ? t('proposal.submitting') : t('proposal.submit')}
              </button>
            </div>
          )}
          {submitError && <p role="alert">{submitError}</p>}
        </form>
      </ProblemsProvider>
    </FormProvider>
  );
}
