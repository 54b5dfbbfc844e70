// Messages between the support unit and the organisers, oldest first (a decision's message among
// them), and a form to write one when the proposal's `actions` allow it.
import { useQuery } from '@tanstack/react-query';
import { commentBodySchema } from '../../../../shared/schemas/proposal-api.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { Await } from '../../components/status.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';
import { type CommentView, commentsQuery, useComment } from './api.ts';
import { summitMoment, wallClockOf } from './times.ts';

const STEP: Record<NonNullable<CommentView['transition']>, MessageKey> = {
  submit: 'comments.with.submit',
  withdraw: 'comments.with.withdraw',
  accept: 'comments.with.accept',
  reject: 'comments.with.reject',
  request_changes: 'comments.with.request_changes',
};

export function Comments({ slug, id, timeZone }: { slug: string; id: number; timeZone: string }) {
  const { t, dateLocale } = useI18n();
  const comments = useQuery(commentsQuery(slug, id));
  return (
    <section aria-labelledby="comments" className="comments">
      <h2 id="comments">{t('comments.title')}</h2>
      <Await query={comments}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('comments.none')}</p>
          ) : (
            <ol className="comment-list">
              {list.map((c) => (
                <li key={c.id} className={c.fromSupportUnit ? 'from-support' : undefined}>
                  <p className="comment-meta">
                    {c.fromSupportUnit ? t('comments.supportUnit') : c.author} ·{' '}
                    {summitMoment(wallClockOf(c.createdAt, timeZone), timeZone, dateLocale)}
                    {c.transition && ` · ${t(STEP[c.transition])}`}
                  </p>
                  <p className="pre-line">{c.body}</p>
                </li>
              ))}
            </ol>
          )
        }
      </Await>
      <CommentForm slug={slug} id={id} />
    </section>
  );
}

function CommentForm({ slug, id }: { slug: string; id: number }) {
  const { t } = useI18n();
  const comment = useComment(slug, id);
  const form = useSchemaForm(commentBodySchema, { defaultValues: { body: '' } });
  const { errors } = form.formState;
  const send = form.handleSubmit((body) =>
    comment.mutateAsync(body).then(
      () => form.reset(),
      (error: unknown) => form.showProblems(error),
    ),
  );
  return (
    <form className="stack-form" onSubmit={send} noValidate>
      <FormErrorSummary errors={errors} refused={form.refused} />
      <Field id={`comment-${id}`} label={t('comments.write')} error={errors.body}>
        {(control) => <textarea {...control} rows={4} {...form.register('body')} />}
      </Field>
      <button type="submit" disabled={comment.isPending}>
        {t('comments.send')}
      </button>
    </form>
  );
}
