// What came of the Marketplace: consultations → project proposals → follow-ups → implementations,
// overall as a chart (Recharts: SVG, with its accessibility layer), and every figure in tables,
// overall, by GCM objective and by kind of provider, so that nothing is only in a picture.
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Funnel } from '../../../../shared/domain/marketplace.ts';
import { Await } from '../../components/status.tsx';
import { type Translate, useI18n } from '../../lib/i18n.tsx';
import { reportQuery } from './api.ts';
import { MarketFrame, MarketNav } from './frame.tsx';

const STAGES = ['consultations', 'projectProposals', 'followedUp', 'implemented'] as const;

export function ReportPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <MarketFrame slug={slug}>
      {(m) => (
        <>
          <h1>{t('market.report')}</h1>
          <MarketNav m={m} />
          <Report slug={slug} />
        </>
      )}
    </MarketFrame>
  );
}

function Report({ slug }: { slug: string }) {
  const { t } = useI18n();
  const report = useQuery(reportQuery(slug));
  return (
    <Await query={report}>
      {(r) => (
        <>
          <section aria-labelledby="funnel">
            <h2 id="funnel">{t('market.funnel')}</h2>
            <FunnelChart funnel={r.overall} t={t} />
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('market.stage')}</th>
                  <th scope="col">{t('market.count')}</th>
                </tr>
              </thead>
              <tbody>
                {STAGES.map((s) => (
                  <tr key={s}>
                    <th scope="row">{t(`market.stage.${s}`)}</th>
                    <td>{r.overall[s]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <FunnelTable
            id="by-objective"
            title={t('market.byObjective')}
            by={t('market.objective')}
            rows={r.byObjective.map((f) => [t('market.objectiveN', { n: f.objective }), f])}
          />
          <FunnelTable
            id="by-kind"
            title={t('market.byProviderKind')}
            by={t('market.providerKind')}
            rows={r.byProviderKind.map((f) => [t(`delegationKind.${f.kind}`), f])}
          />
        </>
      )}
    </Await>
  );
}

function FunnelChart({ funnel, t }: { funnel: Funnel; t: Translate }) {
  const data = STAGES.map((s) => ({ stage: t(`market.stage.${s}`), count: funnel[s] }));
  return (
    <figure className="chart" aria-label={t('market.funnel')}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 32 }} accessibilityLayer>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="stage" width={150} />
          <Bar dataKey="count" fill="#1f5f8b" isAnimationActive={false}>
            <LabelList dataKey="count" position="right" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

function FunnelTable({
  id,
  title,
  by,
  rows,
}: {
  id: string;
  title: string;
  /** What the rows are: "GCM objective". */
  by: string;
  rows: [string, Funnel][];
}) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{by}</th>
            {STAGES.map((s) => (
              <th key={s} scope="col">
                {t(`market.stage.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, f]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {STAGES.map((s) => (
                <td key={s}>{f[s]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
