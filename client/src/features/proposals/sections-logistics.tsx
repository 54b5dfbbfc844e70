// The form's middle sections: format, duration and attendance; logistical requirements (equipment
// from the rooms' vocabulary); speakers, the moderator or chair, and the panellists.
import { useFormContext } from 'react-hook-form';
import type { Equipment } from '../../../../shared/domain/vocabulary.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';
import type { ProposalCall } from './api.ts';
import { FormSection, Group, Input, Rows } from './form-controls.tsx';
import { fieldId, type FormValues } from './form-values.ts';

export const EQUIPMENT_NAMES: Record<Equipment, MessageKey> = {
  projector: 'equipment.projector',
  screen: 'equipment.screen',
  hdmi: 'equipment.hdmi',
  usb: 'equipment.usb',
  interpretation: 'equipment.interpretation',
  video_conference: 'equipment.video_conference',
  recording: 'equipment.recording',
};

export function FormatSection({ call }: { call: ProposalCall }) {
  const { t } = useI18n();
  const { register } = useFormContext<FormValues>();
  return (
    <FormSection id="proposal-format" title={t('proposal.section.format')}>
      <Group name="format" legend={t('proposal.format')}>
        {call.formats.map((f) => (
          <label key={f} className="choice">
            <input type="radio" value={f} {...register('format')} /> {t(`format.${f}`)}
          </label>
        ))}
      </Group>
      <Input name="durationMinutes" label={t('proposal.duration')} kind="number" min={5} max={1440} />
      <Input name="expectedAttendance" label={t('proposal.attendance')} kind="number" min={0} />
    </FormSection>
  );
}

export function RequirementsSection({ call }: { call: ProposalCall }) {
  const { t } = useI18n();
  const { register } = useFormContext<FormValues>();
  return (
    <FormSection id="proposal-requirements" title={t('proposal.section.requirements')}>
      <Input name="requirements.capacity" label={t('proposal.capacity')} kind="number" min={0} />
      <Group name="requirements.equipment" legend={t('proposal.equipment')}>
        {call.equipment.map((e) => (
          <label key={e} className="choice">
            <input
              type="checkbox"
              value={e}
              id={`${fieldId('requirements.equipment')}-${e}`}
              {...register('requirements.equipment')}
            />{' '}
            {t(EQUIPMENT_NAMES[e])}
          </label>
        ))}
      </Group>
      <Input name="requirements.microphones" label={t('proposal.microphones')} kind="number" min={0} />
      <Input
        name="requirements.interpretation"
        label={t('proposal.interpretation')}
        hint={t('proposal.interpretationHint')}
      />
    </FormSection>
  );
}

export function PeopleSection() {
  const { t } = useI18n();
  return (
    <FormSection id="proposal-people" title={t('proposal.section.people')}>
      <Input name="speakers" label={t('proposal.speakers')} kind="textarea" />
      <Group name="moderator" legend={t('proposal.moderator')}>
        <Input name="moderator.name" label={t('proposal.member.name')} />
        <Input name="moderator.title" label={t('proposal.member.title')} />
        <Input name="moderator.organisation" label={t('proposal.member.organisation')} />
      </Group>
      <Rows
        name="panellists"
        legend={t('proposal.panellists')}
        rowName={(i) => t('proposal.panellistN', { n: i + 1 })}
        addLabel={t('proposal.addPanellist')}
        row={(i) => (
          <>
            <Input name={`panellists.${i}.name`} label={t('proposal.member.name')} />
            <Input name={`panellists.${i}.title`} label={t('proposal.member.title')} />
            <Input name={`panellists.${i}.organisation`} label={t('proposal.member.organisation')} />
            <Input name={`panellists.${i}.dimension`} label={t('proposal.member.dimension')} />
          </>
        )}
      />
    </FormSection>
  );
}
