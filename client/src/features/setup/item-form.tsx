// The form of one set-up item, new or existing, on the item's shared schema: the browser checks
// what the API will check, and the API's refusals (a key or an e-mail address taken, a segment
// outside the summit's days) land on their fields.
import { useI18n } from '../../lib/i18n.tsx';
import { useSchemaForm } from '../../lib/form.ts';
import { FormErrorSummary } from '../../components/error-summary.tsx';
import type { SummitView } from '../summits/api.ts';
import { asPatch, type SetupList, useSaveItem } from './api.ts';
import { Fields, useKeyFollows, wallTime } from './fields.tsx';
import { blankItem, type ListSpec } from './list-specs.ts';

type Props = {
  summit: SummitView;
  list: SetupList;
  spec: ListSpec;
  item: Record<string, unknown> | null;
  onSaved: (name: string) => void;
};

/** An item's values as the form holds them: times on the summit's wall clock, missing fields null. */
function formValues(spec: ListSpec, item: Record<string, unknown>) {
  const out: Record<string, unknown> = { key: item.key };
  for (const f of spec.fields) {
    const v = item[f.name];
    out[f.name] = f.type === 'datetime' ? wallTime(v) : (v ?? (f.optional ? null : v));
  }
  return out;
}

export function ItemForm({ summit, list, spec, item, onSaved }: Props) {
  const { t } = useI18n();
  const form = useSchemaForm(spec.schema, {
    defaultValues: item ? formValues(spec, item) : blankItem(spec),
  });
  const save = useSaveItem(summit.slug, list);
  const fields = spec.fields.filter((f) => !(item && f.createOnly));
  const names = spec.fields.map((f) => f.name).filter((n) => n !== 'key');
  const submit = form.handleSubmit((values) => {
    const body = item ? asPatch(values, names) : values;
    return save.mutateAsync({ key: item ? String(item.key) : null, body }).then(
      () => {
        if (!item) form.reset(blankItem(spec));
        onSaved(String(values[spec.nameField]));
      },
      (error: unknown) => form.showProblems(error),
    );
  });
  useKeyFollows(form as never, spec.nameField, !item);
  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      <FormErrorSummary errors={form.formState.errors} refused={form.refused} />
      <Fields idPrefix={`${list}-form`} specs={fields} form={form as never} zone={summit.timeZone} />
      <div className="button-row">
        <button type="submit" disabled={save.isPending}>
          {item ? t('edit.save') : t('edit.create')}
        </button>
      </div>
    </form>
  );
}
