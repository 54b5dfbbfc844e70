// Every URL of the app, declared once: its path pattern and the schema of its search params. Links
// are built with href() from this table and the address bar is read with matchRoute(); the page
// each route renders is in app/pages.tsx, which TypeScript makes list every route here. E-mails
// and the browser tests rely on these URLs: change a path only with a redirect.
import { z } from 'zod';
import { SESSION_KINDS } from '../../../shared/domain/vocabulary.ts';
import {
  buildUrl,
  type Href,
  type Match,
  matchUrl,
  maybeOneOf,
  oneOf,
  type PathParams,
  route,
  text,
} from './route-table.ts';

/** Summit time or the viewer's own ('local'). */
const zone = oneOf(['summit', 'local'], 'summit');

export const routes = {
  summits: route('/'),
  signIn: route('/sign-in', z.object({ email: text(), next: text() })),
  verify: route('/sign-in/verify', z.object({ token: text() })),
  me: route('/me'),
  allOutbox: route('/outbox'),
  summit: route('/summits/:slug'),
  // No view in the URL: the grid on a wide screen, the list on a phone.
  // The day as a rooms grid or a compact list, filtered by room, kind of session, delegation and
  // languages (held in, interpreted into).
  programme: route(
    '/summits/:slug/programme/:day?',
    z.object({
      view: maybeOneOf(['grid', 'list']),
      zone,
      room: text(),
      kind: maybeOneOf(SESSION_KINDS),
      delegation: text(),
      // ISO 639-1 codes: held in, interpreted into.
      language: text(),
      interpretation: text(),
    }),
  ),
  session: route('/summits/:slug/sessions/:key', z.object({ zone })),
  // The support unit's editors: a session's (and a new one's), the summit's details and its lists.
  sessionEdit: route('/summits/:slug/sessions/:key/edit'),
  sessionNew: route('/summits/:slug/setup/new-session', z.object({ day: text() })),
  setup: route('/summits/:slug/setup'),
  setupList: route('/summits/:slug/setup/:list', z.object({ edit: text() })),
  agenda: route('/summits/:slug/delegations/:key'),
  // Find anyone: delegations, people and rooms, with a search (in the URL, so a link can search).
  directory: route('/summits/:slug/directory', z.object({ q: text() })),
  // A day of the published programme on paper: the programme, or door sheets (a page per room).
  print: route('/summits/:slug/print/:day', z.object({ sheets: oneOf(['programme', 'doors'], 'programme') })),
  outbox: route('/summits/:slug/outbox'),
  roles: route('/summits/:slug/roles'),
  audit: route('/summits/:slug/audit'),
  plan: route('/summits/:slug/plan'),
  // Side-event proposals: the organiser's (e-mails link to a proposal's page), and the review desk.
  proposals: route('/summits/:slug/proposals'),
  proposalNew: route('/summits/:slug/proposals/new'),
  proposal: route('/summits/:slug/proposals/:id'),
  desk: route(
    '/summits/:slug/proposal-desk',
    z.object({ status: text(), format: text(), day: text(), organiser: text(), before: text() }),
  ),
  review: route('/summits/:slug/proposal-desk/:id'),
  // The Marketplace: the needs board (filters in the URL), a need with its slots, consultations,
  // the support unit's tables and slots, and the follow-up report.
  marketplace: route(
    '/summits/:slug/marketplace',
    z.object({ objective: text(), assistance: text(), owner: text(), q: text() }),
  ),
  need: route('/summits/:slug/marketplace/needs/:key'),
  consultations: route('/summits/:slug/marketplace/consultations'),
  // The e-mails about a consultation link here.
  consultation: route('/summits/:slug/marketplace/consultations/:id'),
  marketTables: route('/summits/:slug/marketplace/tables'),
  marketReport: route('/summits/:slug/marketplace/report'),
};

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteMatch = Match<Routes>;
export type MatchOf<N extends RouteName> = Extract<RouteMatch, { name: N }>;
export type RouteParams<N extends RouteName> = PathParams<Routes[N]['path']>;
/** The search params of a route as its page reads them: defaults filled in. */
export type ParsedSearch<N extends RouteName> = z.output<Routes[N]['search']>;
/** The search params of a link: any of them. */
export type RouteSearch<N extends RouteName> = Partial<ParsedSearch<N>>;
export type { Href };

/** The URL of a route; params are required where its path has them. */
export function href<N extends RouteName>(
  name: N,
  ...[params, search]: object extends RouteParams<N>
    ? [params?: RouteParams<N>, search?: RouteSearch<N>]
    : [params: RouteParams<N>, search?: RouteSearch<N>]
): Href {
  return buildUrl(routes[name], params ?? {}, search) as Href;
}

/** Which route the address bar shows. */
export const matchRoute = (pathname: string, search = ''): RouteMatch => matchUrl(routes, pathname, search);

/** A URL given from outside (a sign-in link's `next`) if it is one of ours, else null. */
export function toHref(url: string): Href | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const { pathname, search } = new URL(url, 'http://app.invalid');
  return matchRoute(pathname, search).name === 'not-found' ? null : (url as Href);
}
