// What each route of lib/routes.ts renders. The type demands one entry per route, so a route
// without a page does not compile. (The table itself cannot hold the pages: pages link to other
// routes with href(), and the table importing them back would be an import cycle.)
import type { ReactNode } from 'react';
import { NotFound } from '../components/status.tsx';
import { isSupportUnit, useMe } from '../lib/auth.ts';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { MePage } from '../features/auth/me-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { VerifyPage } from '../features/auth/verify-page.tsx';
import { PlanPage } from '../features/conflicts/plan-page.tsx';
import { AgendaPage } from '../features/delegations/agenda-page.tsx';
import { DirectoryPage } from '../features/directory/directory-page.tsx';
import { OutboxPage } from '../features/mail/outbox-page.tsx';
import { BoardPage } from '../features/marketplace/board-page.tsx';
import { ConsultationPage, ConsultationsPage } from '../features/marketplace/consultations-page.tsx';
import { NeedPage } from '../features/marketplace/need-page.tsx';
import { ReportPage } from '../features/marketplace/report-page.tsx';
import { TablesPage } from '../features/marketplace/tables-page.tsx';
import { PrintDayPage } from '../features/print/print-day-page.tsx';
import { ProgrammePage } from '../features/programme/programme-page.tsx';
import { DeskPage } from '../features/proposals/desk-page.tsx';
import { MyProposalsPage } from '../features/proposals/my-proposals-page.tsx';
import { ProposalPage } from '../features/proposals/proposal-page.tsx';
import { ReviewPage } from '../features/proposals/review-page.tsx';
import { RolesPage } from '../features/roles/roles-page.tsx';
import { SessionEditPage, SessionNewPage } from '../features/sessions/session-editor.tsx';
import { SessionPage } from '../features/sessions/session-page.tsx';
import { SetupListPage } from '../features/setup/list-page.tsx';
import { SetupSummitPage } from '../features/setup/summit-page.tsx';
import { SummitHome } from '../features/summits/summit-home.tsx';
import { SummitList } from '../features/summits/summit-list.tsx';
import type { MatchOf, RouteMatch, RouteName } from '../lib/routes.ts';
import { SummitLayout } from './summit-layout.tsx';

type Render<N extends RouteName> = (match: MatchOf<N>) => ReactNode;

/** A page of the support unit's: nothing until the caller is known, then the page or "not found". */
function SupportUnitOnly({ slug, children }: { slug: string; children: ReactNode }) {
  const me = useMe();
  if (!me) return null;
  return isSupportUnit(me, slug) ? children : <NotFound />;
}

/** A number in a URL (a proposal's, a consultation's); anything else names nothing. */
const numberIn = (id: string): number | null => (/^[1-9]\d{0,8}$/.test(id) ? Number(id) : null);

const PAGES: { [N in RouteName]: Render<N> } = {
  summits: () => <SummitList />,
  signIn: ({ search }) => <SignInPage email={search.email} next={search.next} />,
  verify: ({ search }) => <VerifyPage token={search.token} />,
  me: () => <MePage />,
  allOutbox: () => <OutboxPage slug={null} />,
  summit: ({ params }) => <SummitLayout slug={params.slug}>{(s) => <SummitHome summit={s} />}</SummitLayout>,
  programme: ({ params, search }) => (
    <SummitLayout slug={params.slug}>
      {(s) => <ProgrammePage summit={s} day={params.day} search={search} />}
    </SummitLayout>
  ),
  session: ({ params, search }) => (
    <SummitLayout slug={params.slug}>
      {(s) => <SessionPage summit={s} sessionKey={params.key} zone={search.zone} />}
    </SummitLayout>
  ),
  agenda: ({ params }) => (
    <SummitLayout slug={params.slug}>
      {(s) => <AgendaPage summit={s} delegationKey={params.key} />}
    </SummitLayout>
  ),
  directory: ({ params, search }) => (
    <SummitLayout slug={params.slug}>{(s) => <DirectoryPage summit={s} q={search.q ?? ''} />}</SummitLayout>
  ),
  print: ({ params, search }) => (
    <SummitLayout slug={params.slug}>
      {(s) => <PrintDayPage summit={s} day={params.day} search={search} />}
    </SummitLayout>
  ),
  // The support unit's pages exist for the support unit only: to anyone else they are not found,
  // as the API answers, rather than showing buttons that would fail.
  outbox: ({ params }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>{(s) => <OutboxPage slug={s.slug} />}</SummitLayout>
    </SupportUnitOnly>
  ),
  roles: ({ params }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>{(s) => <RolesPage summit={s} />}</SummitLayout>
    </SupportUnitOnly>
  ),
  audit: ({ params }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>{(s) => <AuditPage summit={s} />}</SummitLayout>
    </SupportUnitOnly>
  ),
  plan: ({ params }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>{(s) => <PlanPage summit={s} />}</SummitLayout>
    </SupportUnitOnly>
  ),
  sessionEdit: ({ params }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>
        {(s) => <SessionEditPage summit={s} sessionKey={params.key} />}
      </SummitLayout>
    </SupportUnitOnly>
  ),
  sessionNew: ({ params, search }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>{(s) => <SessionNewPage summit={s} day={search.day} />}</SummitLayout>
    </SupportUnitOnly>
  ),
  setup: ({ params }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>{(s) => <SetupSummitPage summit={s} />}</SummitLayout>
    </SupportUnitOnly>
  ),
  setupList: ({ params, search }) => (
    <SupportUnitOnly slug={params.slug}>
      <SummitLayout slug={params.slug}>
        {(s) => <SetupListPage summit={s} list={params.list} edit={search.edit} />}
      </SummitLayout>
    </SupportUnitOnly>
  ),
  proposals: ({ params }) => <MyProposalsPage slug={params.slug} />,
  // The same element as a proposal's page: the form stays as it is when its draft gets a number.
  proposalNew: ({ params }) => <ProposalPage slug={params.slug} id={null} />,
  proposal: ({ params }) => {
    const id = numberIn(params.id);
    return id === null ? <NotFound /> : <ProposalPage slug={params.slug} id={id} />;
  },
  desk: ({ params, search }) => (
    <SummitLayout slug={params.slug}>{(s) => <DeskPage summit={s} search={search} />}</SummitLayout>
  ),
  review: ({ params }) => {
    const id = numberIn(params.id);
    return id === null ? (
      <NotFound />
    ) : (
      <SummitLayout slug={params.slug}>{(s) => <ReviewPage summit={s} id={id} />}</SummitLayout>
    );
  },
  marketplace: ({ params, search }) => <BoardPage slug={params.slug} search={search} />,
  need: ({ params }) => <NeedPage slug={params.slug} needKey={params.key} />,
  consultations: ({ params }) => <ConsultationsPage slug={params.slug} />,
  consultation: ({ params }) => {
    const id = numberIn(params.id);
    return id === null ? <NotFound /> : <ConsultationPage slug={params.slug} id={id} />;
  },
  marketTables: ({ params }) => <TablesPage slug={params.slug} />,
  marketReport: ({ params }) => <ReportPage slug={params.slug} />,
};

export function Page({ route, notFound }: { route: RouteMatch; notFound: ReactNode }) {
  if (route.name === 'not-found') return notFound;
  // TypeScript cannot follow that PAGES[name] takes the match of that same name.
  return (PAGES[route.name] as Render<RouteName>)(route as never);
}
