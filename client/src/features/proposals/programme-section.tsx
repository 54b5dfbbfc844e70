// The provisional programme, with its running sum against the duration as the organiser types
// (said politely to screen readers), and the preferred days and start times.
import { useFormContext, useWatch } from 'react-hook-form';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { formatDate } from '../../lib/zone.ts';
import type { ProposalCall } from './api.ts';
import { FormSection, Input, Rows } from './form-controls.tsx';
import { useFieldMessage } from './form-problems.tsx';
import { fieldId, type FormValues } from './form-values.ts';
import { runningSumText, typedMinutes } from './running-sum.ts';

export function ProgrammeSection() {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-programme-heading" title={t('proposal.section.programme')}>
      <Rows
        name="programme"
        legend={t('proposal.programme')}
        rowName={(i) => t('proposal.itemN', { n: i + 1 })}
        addLabel={t('proposal.addItem')}
        extra={<RunningSum />}
        row={(i) => (
          <>
            <Input
              name={`programme.${i}.minutes`}
              label={t('proposal.member.minutes')}
              kind="number"
              min={1}
            />
            <Input name={`programme.${i}.item`} label={t('proposal.member.item')} kind="textarea" />
          </>
        )}
      />
    </FormSection>
  );
}

function RunningSum() {
  const { t } = useI18n();
  const { control } = useFormContext<FormValues>();
  const [items, duration] = useWatch({ control, name: ['programme', 'durationMinutes'] });
  const minutes = Number(duration);
  const known = duration !== '' && Number.isInteger(minutes) && minutes > 0;
  return (
    <p role="status" className="running-sum">
      {runningSumText(t, typedMinutes(items), known ? minutes : undefined)}
    </p>
  );
}

export function StartsSection({ call }: { call: ProposalCall }) {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-starts" title={t('proposal.section.starts')}>
      <p>{t('proposal.startsIntro', { zone: call.summit.timeZone })}</p>
      <Rows
        name="preferredStarts"
        legend={t('proposal.preferredStarts')}
        rowName={(i) => t('proposal.startN', { n: i + 1 })}
        addLabel={t('proposal.addStart')}
        row={(i) => <StartRow i={i} call={call} />}
      />
    </FormSection>
  );
}

function StartRow({ i, call }: { i: number; call: ProposalCall }) {
  const { t, dateLocale } = useI18n();
  const { register } = useFormContext<FormValues>();
  const name = `preferredStarts.${i}`;
  const message = useFieldMessage(name, `${name}.day`);
  return (
    <>
      <div className="form-field">
        <Field id={fieldId(name)} label={t('proposal.day')} error={message ? { message } : undefined}>
          {(control) => (
            <select {...control} {...register(`preferredStarts.${i}.day`)}>
              <option value="">{t('proposal.choose')}</option>
              {call.summit.days.map((d) => (
                <option key={d} value={d}>
                  {formatDate(d, dateLocale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Input
        name={`preferredStarts.${i}.time`}
        label={t('proposal.time', { zone: call.summit.timeZone })}
        kind="time"
      />
    </>
  );
}
