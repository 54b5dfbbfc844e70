// The summit's details: name, theme, venue, days, time zone, the proposal deadline and the time
// needed between buildings. Its slug stays: links and e-mails sent carry it.
import { summitSchema } from '../../../../shared/schemas/summit-file.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useState } from 'react';
import type { SummitView } from '../summits/api.ts';
import { asPatch, useSaveSummit } from './api.ts';
import { type FieldSpec, Fields, wallTime } from './fields.tsx';
import { SetupNav } from './setup-nav.tsx';

const detailsSchema = summitSchema.omit({ slug: true });
const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'edit.field.name', type: 'text' },
  { name: 'theme', label: 'edit.field.theme', type: 'text', optional: true },
  { name: 'venue', label: 'edit.field.venue', type: 'text', optional: true },
  { name: 'timeZone', label: 'edit.field.timeZone', type: 'text' },
  { name: 'startDate', label: 'edit.field.startDate', type: 'date' },
  { name: 'endDate', label: 'edit.field.endDate', type: 'date' },
  { name: 'proposalDeadline', label: 'edit.field.proposalDeadline', type: 'datetime', optional: true },
  { name: 'travelMinutes', label: 'edit.field.travelMinutes', type: 'number' },
];

export function SetupSummitPage({ summit }: { summit: SummitView }) {
  const { t } = useI18n();
  const form = useSchemaForm(detailsSchema, {
    defaultValues: {
      name: summit.name,
      theme: summit.theme,
      venue: summit.venue,
      timeZone: summit.timeZone,
      startDate: summit.startDate,
      endDate: summit.endDate,
      proposalDeadline: summit.proposalDeadline ? wallTime(summit.proposalDeadline) : null,
      travelMinutes: summit.travelMinutes,
    },
  });
  const save = useSaveSummit(summit.slug);
  const [saved, setSaved] = useState(false);
  const submit = form.handleSubmit((values) =>
    save
      .mutateAsync(
        asPatch(
          values,
          FIELDS.map((f) => f.name),
        ),
      )
      .then(
        () => setSaved(true),
        (error: unknown) => {
          setSaved(false);
          form.showProblems(error);
        },
      ),
  );
  return (
    <>
      <h1>{t('edit.setup')}</h1>
      <p>{t('edit.setupIntro')}</p>
      <SetupNav slug={summit.slug} current="summit" />
      <h2>{t('edit.summit')}</h2>
      <form className="stack-form" onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.formState.errors} refused={form.refused} />
        <Fields idPrefix="summit" specs={FIELDS} form={form as never} zone={summit.timeZone} />
        <div className="button-row">
          <button type="submit" disabled={save.isPending}>
            {t('edit.save')}
          </button>
        </div>
        {saved && <p role="status">{t('edit.saved')}</p>}
      </form>
    </>
  );
}
