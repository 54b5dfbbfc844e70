// Posting a need (an owner's delegation) and publishing an offer (a provider's): lists are typed as
// the GCM and the SDGs number them ("2, 5"), then checked by the same rules as the server's.
import { useState } from 'react';
import { z } from 'zod';
import { ASSISTANCE } from '../../../../shared/domain/marketplace.ts';
import { singleLine } from '../../../../shared/schemas/fields.ts';
import { assistanceSchema, objectiveSchema } from '../../../../shared/schemas/marketplace.ts';
import { keySchema } from '../../../../shared/schemas/summit-file.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { usePostNeed, usePublishOffer } from './api.ts';
import { ActingFor, type Market } from './frame.tsx';

/** "2, 5" → ["2", "5"]. */
const words = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const numbers = z
  .string()
  .transform(words)
  .pipe(z.array(z.string().transform(Number).pipe(objectiveSchema)));
const sdgTargets = z
  .string()
  .transform(words)
  .pipe(
    z.array(z.string().regex(/^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$/, 'an SDG target such as 10.7 or 17.b')),
  );

const offerFormSchema = z.object({
  title: singleLine(300, { required: true }),
  description: z.string().max(5000),
  objectives: numbers,
  assistance: z.array(assistanceSchema).default([]),
});
const needFormSchema = offerFormSchema.extend({
  key: keySchema,
  sdgTargets,
});

function AssistanceBoxes({ register }: { register: ReturnType<typeof useSchemaForm>['register'] }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('market.assistance')}</legend>
      {ASSISTANCE.map((a) => (
        <label key={a} className="inline">
          <input type="checkbox" value={a} {...register('assistance')} /> {t(`market.assistance.${a}`)}
        </label>
      ))}
    </fieldset>
  );
}

const blank = { title: '', description: '', objectives: '', assistance: [] };

/** Whom a form may speak for: the caller's delegations; for the support unit, any of the summit's. */
const choicesOf = (m: Market) => (m.settings.you.may.manage ? m.delegations : m.settings.you.delegations);

export function NeedForm({ m }: { m: Market }) {
  const { t } = useI18n();
  const choices = choicesOf(m);
  const [chosen, setAs] = useState('');
  // The list may arrive after the first render: until one is chosen, the first.
  const as = chosen || choices[0]?.key || '';
  const post = usePostNeed(m.summit.slug);
  const form = useSchemaForm(needFormSchema, { defaultValues: { ...blank, key: '', sdgTargets: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((v) =>
    post
      .mutateAsync({
        ...v,
        description: v.description || undefined,
        providerTypes: [],
        ...(m.settings.you.may.manage ? { owner: as || undefined } : { as: as || undefined }),
      })
      .then(
        () => form.reset(),
        (e: unknown) => form.showProblems(e),
      ),
  );
  return (
    <details className="post-form">
      <summary>{t('market.postNeed')}</summary>
      <form onSubmit={submit} className="stack-form" noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <ActingFor choices={choices} value={as} onChange={setAs} />
        <Field id="need-title" label={t('market.needTitle')} error={errors.title}>
          {(c) => <input {...c} required {...form.register('title')} />}
        </Field>
        <Field id="need-key" label={t('market.key')} error={errors.key}>
          {(c) => <input {...c} required {...form.register('key')} />}
        </Field>
        <Field id="need-description" label={t('market.description')} error={errors.description}>
          {(c) => <textarea {...c} rows={4} {...form.register('description')} />}
        </Field>
        <Field id="need-objectives" label={t('market.objectivesHint')} error={errors.objectives}>
          {(c) => <input {...c} inputMode="numeric" {...form.register('objectives')} />}
        </Field>
        <Field id="need-sdg" label={t('market.sdgHint')} error={errors.sdgTargets}>
          {(c) => <input {...c} {...form.register('sdgTargets')} />}
        </Field>
        <AssistanceBoxes register={form.register as never} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('market.postNeed')}
        </button>
        {post.isSuccess && <p role="status">{t('market.posted')}</p>}
      </form>
    </details>
  );
}

export function OfferForm({ m }: { m: Market }) {
  const { t } = useI18n();
  const choices = choicesOf(m);
  const [chosen, setAs] = useState('');
  // The list may arrive after the first render: until one is chosen, the first.
  const as = chosen || choices[0]?.key || '';
  const publish = usePublishOffer(m.summit.slug);
  const form = useSchemaForm(offerFormSchema, { defaultValues: blank });
  const { errors } = form.formState;
  const submit = form.handleSubmit((v) =>
    publish.mutateAsync({ ...v, description: v.description || undefined, as: as || undefined }).then(
      () => form.reset(),
      (e: unknown) => form.showProblems(e),
    ),
  );
  return (
    <details className="post-form">
      <summary>{t('market.publishOffer')}</summary>
      <form onSubmit={submit} className="stack-form" noValidate>
        <FormErrorSummary errors={errors} refused={form.refused} />
        <ActingFor choices={choices} value={as} onChange={setAs} />
        <Field id="offer-title" label={t('market.needTitle')} error={errors.title}>
          {(c) => <input {...c} required {...form.register('title')} />}
        </Field>
        <Field id="offer-description" label={t('market.description')} error={errors.description}>
          {(c) => <textarea {...c} rows={4} {...form.register('description')} />}
        </Field>
        <Field id="offer-objectives" label={t('market.objectivesHint')} error={errors.objectives}>
          {(c) => <input {...c} inputMode="numeric" {...form.register('objectives')} />}
        </Field>
        <AssistanceBoxes register={form.register as never} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('market.publishOffer')}
        </button>
        {publish.isSuccess && <p role="status">{t('market.published')}</p>}
      </form>
    </details>
  );
}
