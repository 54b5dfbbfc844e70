// A set-up list (rooms, segments, delegations or people): every item with its line, a form for a
// new one or the one chosen, and deleting, which the API refuses while sessions use the item.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NotFound } from '../../components/status.tsx';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { formatDate } from '../../lib/zone.ts';
import { listQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';
import { isSetupList, type SetupList, useDeleteItem } from './api.ts';
import { DeleteButton } from './delete-button.tsx';
import { ItemForm } from './item-form.tsx';
import { listSpec } from './list-specs.ts';
import { SetupNav } from './setup-nav.tsx';

type Props = { summit: SummitView; list: string; edit: string | undefined };

export function SetupListPage({ summit, list, edit }: Props) {
  if (!isSetupList(list)) return <NotFound />;
  return <ListPage summit={summit} list={list} edit={edit} />;
}

function ListPage({ summit, list, edit }: { summit: SummitView; list: SetupList; edit: string | undefined }) {
  const { t, dateLocale } = useI18n();
  const slug = summit.slug;
  const items = useQuery(listQuery(slug, list));
  const delegations = useQuery(listQuery(slug, 'delegations'));
  const remove = useDeleteItem(slug, list);
  const [done, setDone] = useState<string | null>(null);
  const spec = listSpec(list, t, delegations.data ?? [], (d) => formatDate(d, dateLocale, 'short'));
  return (
    <>
      <h1>{t(`edit.list.${list}`)}</h1>
      <SetupNav slug={slug} current={list} />
      <Await query={items}>
        {(all) => {
          const chosen = edit === undefined ? undefined : all.find((i) => i.key === edit);
          return (
            <div className="setup-columns">
              <section aria-label={t(`edit.list.${list}`)}>
                {done && <p role="status">{done}</p>}
                <ErrorAlert error={remove.error} />
                {all.length === 0 && <p>{t('edit.none')}</p>}
                <ul className="setup-items">
                  {all.map((item) => {
                    const name = spec.nameOf(item);
                    return (
                      <li key={item.key}>
                        <strong>{name}</strong>
                        <span>{spec.lineOf(item)}</span>
                        <span className="button-row">
                          <Link
                            href={href('setupList', { slug, list }, { edit: item.key })}
                            aria-label={t('edit.changeNamed', { name })}
                          >
                            {t('edit.change')}
                          </Link>
                          <DeleteButton
                            name={name}
                            label={t('edit.deleteNamed', { name })}
                            pending={remove.isPending}
                            onDelete={() =>
                              remove.mutate(item.key, {
                                onSuccess: () => {
                                  setDone(t('edit.deleted', { name }));
                                  if (edit === item.key) navigate(href('setupList', { slug, list }));
                                },
                              })
                            }
                          />
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
              <section aria-labelledby="setup-form">
                <h2 id="setup-form">
                  {chosen ? t('edit.editing', { name: spec.nameOf(chosen) }) : t(`edit.new.${list}`)}
                </h2>
                <ItemForm
                  // A new form for each item: its values are the item's.
                  key={chosen?.key ?? ''}
                  summit={summit}
                  list={list}
                  spec={spec}
                  item={chosen ?? null}
                  onSaved={(name) => {
                    setDone(t('edit.saved'));
                    remove.reset();
                    if (chosen) navigate(href('setupList', { slug, list }));
                    return name;
                  }}
                />
              </section>
            </div>
          );
        }}
      </Await>
    </>
  );
}
