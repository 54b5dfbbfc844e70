// A few routes need no library: the address bar is matched against lib/routes.ts and links push
// history entries. Links and navigation take only URLs made by href().
import { type AnchorHTMLAttributes, type MouseEvent, useMemo, useSyncExternalStore } from 'react';
import type { Href } from './route-table.ts';
import { matchRoute, type RouteMatch } from './routes.ts';

/** Goes to `to`; `replace` takes the place of the current entry (a draft's URL once it has one). */
export function navigate(to: Href, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const subscribe = (changed: () => void) => {
  window.addEventListener('popstate', changed);
  return () => window.removeEventListener('popstate', changed);
};
const currentUrl = () => window.location.pathname + window.location.search;

/** The route in the address bar, and the URL it was read from (a new one on every navigation). */
export function useRoute(): { url: string; route: RouteMatch } {
  const url = useSyncExternalStore(subscribe, currentUrl);
  return useMemo(() => {
    const { pathname, search } = new URL(url, window.location.origin);
    return { url, route: matchRoute(pathname, search) };
  }, [url]);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: Href };

export function Link({ href, onClick, ...rest }: LinkProps) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
