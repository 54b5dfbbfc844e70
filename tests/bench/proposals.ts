// The review desk's list over 2,000 proposals (issue 10: median < 50 ms on PostgreSQL): the demo
// summit, 2,000 proposals of every status, format, preferred day and organiser written straight
// into the tables, then the list through the API with the desk's filters, as the support unit.
import supertest from 'supertest';
import { createApp } from '../../server/app.ts';
import { findSummit } from '../../server/core/summit-context.ts';
import type { Database } from '../../server/db/client.ts';
import { proposalOrganisers, proposals } from '../../server/db/schema.ts';
import { filterColumns, readForm } from '../../server/modules/proposals/proposals.form.ts';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import { PROPOSAL_FORMATS } from '../../shared/domain/proposals.ts';
import { moldovaProposal } from '../factories/proposal.ts';
import { demoSummitFile } from '../factories/summit-file.ts';

const COUNT = 2_000;
const RUNS = Number(process.env.BENCH_READ_RUNS ?? 50);
const ADMIN = 'bench-admin-token';
const STATUSES = [
  'draft',
  'submitted',
  'submitted',
  'changes_requested',
  'accepted',
  'rejected',
  'withdrawn',
];
const DAYS = ['2018-12-05', '2018-12-06', '2018-12-07'];

/** A deterministic spread: proposal i's status, format, days and organisers. */
async function seed(database: Database) {
  const file = demoSummitFile();
  const imported = await importSummit(database.db, { kind: 'admin', label: 'bench' }, file, {
    replace: false,
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const summitId = (await findSummit(database.db, 'gfmd-2018'))!.id;
  const delegations = file.delegations!.map((d) => d.key);
  const rows = [];
  for (let i = 0; i < COUNT; i++) {
    const form = readForm(
      {
        ...moldovaProposal(),
        title: `Side event ${i}`,
        format: PROPOSAL_FORMATS[Math.floor(i / 5) % 4],
        organisers: [
          { delegation: delegations[Math.floor(i / 11) % delegations.length] },
          { organisation: `Partner ${i % 50}` },
        ],
        preferredStarts: [`${DAYS[i % 3]}T08:30`, `${DAYS[(i + 1) % 3]}T13:15`],
      },
      'Africa/Casablanca',
    );
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    rows.push({
      summitId,
      status: STATUSES[i % STATUSES.length]!,
      form: form.value,
      ...filterColumns(form.value, 'Africa/Casablanca'),
      createdBy: `organiser${i % 200}@example.org`,
      submittedAt: i % 7 === 0 ? null : new Date(Date.UTC(2018, 8, 1 + (i % 28))),
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    const ids = await database.db
      .insert(proposals)
      .values(rows.slice(i, i + 500))
      .returning({ id: proposals.id });
    await database.db
      .insert(proposalOrganisers)
      .values(
        ids.map(({ id }) => ({ proposalId: id, email: `organiser${id % 200}@example.org`, via: 'creator' })),
      );
  }
}

const QUERIES: [string, string][] = [
  ['the first page, no filter (100)', ''],
  ['status=submitted', 'status=submitted'],
  [
    'status + format + day + organiser',
    'status=submitted,changes_requested&format=breakfast&day=2018-12-07&organiser=MDA',
  ],
  ['organiser by organisation name', 'organiser=partner%207'],
  ['a later page (before=1000)', 'before=1000'],
];

export type ProposalRow = { measure: string; median: string; spread: string; runs: number; goal: string };

export async function benchProposals(database: Database, engine: string): Promise<ProposalRow[]> {
  await seed(database);
  const http = supertest(createApp({ db: database.db, adminToken: ADMIN }));
  const auth = { authorization: `Bearer ${ADMIN}` };
  const out: ProposalRow[] = [];
  const quantile = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  for (const [name, query] of QUERIES) {
    const url = `/api/summits/gfmd-2018/proposals?${query}`;
    for (let i = 0; i < 5; i++) await http.get(url).set(auth); // warm-up
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const res = await http.get(url).set(auth);
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      found = res.body.total;
    }
    out.push({
      measure: `desk list of ${COUNT.toLocaleString('en')}: ${name} (${found} match)`,
      median: `${quantile(times, 0.5).toFixed(1)} ms`,
      spread: `p95 ${quantile(times, 0.95).toFixed(1)} ms`,
      runs: RUNS,
      goal: engine === 'PostgreSQL' ? '< 50 ms' : '',
    });
  }
  return out;
}
