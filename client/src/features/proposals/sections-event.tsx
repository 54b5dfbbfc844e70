// The form's first sections, as the GFMD form has them: the event's title; its organisers (a
// delegation of the summit, or an organisation typed) and contact persons; background materials;
// the brief description, objective and expected results.
import { useFormContext, useWatch } from 'react-hook-form';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ProposalCall } from './api.ts';
import { FormSection, Input, Rows } from './form-controls.tsx';
import { useFieldMessage } from './form-problems.tsx';
import { fieldId, type FormValues, OTHER_ORGANISATION } from './form-values.ts';

export function EventSection() {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-event" title={t('proposal.section.event')}>
      <Input name="title" label={t('proposal.title')} />
    </FormSection>
  );
}

export function OrganisersSection({ call }: { call: ProposalCall }) {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-organisers" title={t('proposal.section.organisers')}>
      <Rows
        name="organisers"
        legend={t('proposal.organisers')}
        rowName={(i) => t('proposal.organiserN', { n: i + 1 })}
        addLabel={t('proposal.addOrganiser')}
        row={(i) => <OrganiserRow i={i} call={call} />}
      />
      <Rows
        name="contacts"
        legend={t('proposal.contacts')}
        rowName={(i) => t('proposal.contactN', { n: i + 1 })}
        addLabel={t('proposal.addContact')}
        row={(i) => (
          <>
            <Input name={`contacts.${i}.name`} label={t('proposal.member.name')} />
            <Input name={`contacts.${i}.title`} label={t('proposal.member.title')} />
            <Input name={`contacts.${i}.email`} label={t('proposal.member.email')} kind="email" />
          </>
        )}
      />
    </FormSection>
  );
}

function OrganiserRow({ i, call }: { i: number; call: ProposalCall }) {
  const { t } = useI18n();
  const { register, control } = useFormContext<FormValues>();
  const who = useWatch({ control, name: `organisers.${i}.who` });
  const name = `organisers.${i}`;
  const message = useFieldMessage(name, `${name}.delegation`, `${name}.who`);
  const delegations = [...call.delegations].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <div className="form-field">
        <Field
          id={fieldId(name)}
          label={t('proposal.organiserWho')}
          error={message ? { message } : undefined}
        >
          {(control) => (
            <select {...control} {...register(`organisers.${i}.who`)}>
              <option value="">{t('proposal.choose')}</option>
              {delegations.map((d) => (
                <option key={d.key} value={`d:${d.key}`}>
                  {d.name}
                </option>
              ))}
              <option value={OTHER_ORGANISATION}>{t('proposal.otherOrganisation')}</option>
            </select>
          )}
        </Field>
      </div>
      {who === OTHER_ORGANISATION && (
        <Input name={`organisers.${i}.organisation`} label={t('proposal.organisationName')} />
      )}
    </>
  );
}

export function MaterialsSection() {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-materials" title={t('proposal.section.materials')}>
      <Rows
        name="materials"
        legend={t('proposal.materials')}
        rowName={(i) => t('proposal.materialN', { n: i + 1 })}
        addLabel={t('proposal.addMaterial')}
        row={(i) => (
          <>
            <Input name={`materials.${i}.title`} label={t('proposal.member.title')} />
            <Input name={`materials.${i}.url`} label={t('proposal.member.url')} kind="url" />
          </>
        )}
      />
    </FormSection>
  );
}

export function TextsSection() {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-texts" title={t('proposal.section.texts')}>
      <Input name="description" label={t('proposal.description')} kind="textarea" />
      <Input name="objective" label={t('proposal.objective')} kind="textarea" />
      <Input name="expectedResults" label={t('proposal.expectedResults')} kind="textarea" />
    </FormSection>
  );
}
