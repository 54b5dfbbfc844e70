// A few routes need no library: the path is parsed into a Route and links push history entries.
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { page: 'summits' }
  | { page: 'sign-in' }
  | { page: 'verify' }
  | { page: 'me' }
  | { page: 'outbox'; slug: null }
  | { page: 'summit'; slug: string }
  | { page: 'programme'; slug: string; day: string | null }
  | { page: 'session'; slug: string; key: string }
  | { page: 'agenda'; slug: string; key: string }
  | { page: 'outbox'; slug: string }
  | { page: 'roles'; slug: string }
  | { page: 'audit'; slug: string }
  | { page: 'plan'; slug: string }
  | { page: 'not-found' };

const TOP: Record<string, Route> = {
  'sign-in': { page: 'sign-in' },
  'sign-in/verify': { page: 'verify' },
  me: { page: 'me' },
  outbox: { page: 'outbox', slug: null },
};

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'summits' };
  const top = TOP[parts.join('/')];
  if (top) return top;
  if (parts[0] !== 'summits' || !parts[1]) return { page: 'not-found' };
  const [, slug, section, key, ...rest] = parts as [string, string, string?, string?, ...string[]];
  if (rest.length) return { page: 'not-found' };
  if (!section) return { page: 'summit', slug };
  if (section === 'programme') return { page: 'programme', slug, day: key ?? null };
  if (section === 'sessions' && key) return { page: 'session', slug, key };
  if (section === 'delegations' && key) return { page: 'agenda', slug, key };
  if (!key && (section === 'outbox' || section === 'roles' || section === 'audit' || section === 'plan'))
    return { page: section, slug };
  return { page: 'not-found' };
}

const at = (slug: string) => `/summits/${encodeURIComponent(slug)}`;
export const paths = {
  summit: at,
  programme: (slug: string, day?: string) => `${at(slug)}/programme${day ? `/${day}` : ''}`,
  session: (slug: string, key: string) => `${at(slug)}/sessions/${encodeURIComponent(key)}`,
  agenda: (slug: string, delegation: string) => `${at(slug)}/delegations/${encodeURIComponent(delegation)}`,
  outbox: (slug: string | null) => (slug ? `${at(slug)}/outbox` : '/outbox'),
  roles: (slug: string) => `${at(slug)}/roles`,
  audit: (slug: string) => `${at(slug)}/audit`,
  plan: (slug: string) => `${at(slug)}/plan`,
};

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): { route: Route; search: URLSearchParams } {
  const read = () => ({
    route: parseRoute(window.location.pathname),
    search: new URLSearchParams(window.location.search),
  });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const onPop = () => setLocation(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return location;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
