// The machinery of a typed route table, with no React and no DOM: path patterns such as
// '/summits/:slug/programme/:day?' are matched and built, search params go through a zod schema
// whose fields fall back to their defaults, so a hand-edited URL never crashes a page.
import { z } from 'zod';

type Segments<P extends string> = P extends `/${infer Head}/${infer Rest}`
  ? Head | Segments<`/${Rest}`>
  : P extends `/${infer Last}`
    ? Last
    : never;
type RequiredName<S> = S extends `:${string}?` ? never : S extends `:${infer N}` ? N : never;
type OptionalName<S> = S extends `:${infer N}?` ? N : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The params of a pattern: '/summits/:slug/programme/:day?' → { slug: string; day?: string }. */
export type PathParams<P extends string> = Simplify<
  { [K in RequiredName<Segments<P>>]: string } & { [K in OptionalName<Segments<P>>]?: string }
>;

/** A search schema: an object whose every field falls back (`.catch`) instead of failing. */
export type SearchSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;
export type RouteDef<P extends string = string, S extends SearchSchema = SearchSchema> = {
  path: P;
  search: S;
};

const noSearch = z.object({});
export function route<P extends string>(path: P): RouteDef<P, typeof noSearch>;
export function route<P extends string, S extends SearchSchema>(path: P, search: S): RouteDef<P, S>;
export function route(path: string, search: SearchSchema = noSearch): RouteDef {
  return { path, search };
}

/** One of `values`, else `fallback`: a missing or unknown value in a URL reads as the default. */
export const oneOf = <const V extends readonly [string, ...string[]]>(values: V, fallback: V[number]) =>
  z.enum(values).catch(fallback);
/** One of `values`, else none (the page decides). */
export const maybeOneOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  z.enum(values).optional().catch(undefined);
/** Any text, else none. */
export const text = () => z.string().optional().catch(undefined);

declare const brand: unique symbol;
/** A URL of the app, made by a route table: links and navigation take nothing else. */
export type Href = string & { readonly [brand]: 'Href' };

export type RouteTable = Record<string, RouteDef>;
export type Match<T extends RouteTable> =
  | {
      [N in keyof T & string]: {
        name: N;
        params: PathParams<T[N]['path']>;
        search: z.output<T[N]['search']>;
      };
    }[keyof T & string]
  | { name: 'not-found' };

const splitPath = (path: string): string[] => path.split('/').filter(Boolean);

/** The params of `pathname` for `pattern`, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  let parts: string[];
  try {
    parts = splitPath(pathname).map(decodeURIComponent);
  } catch {
    return null; // a malformed %-escape
  }
  const wanted = splitPath(pattern);
  const needed = wanted.filter((s) => !s.endsWith('?')).length;
  if (parts.length < needed || parts.length > wanted.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of wanted.entries()) {
    const part = parts[i];
    if (segment.startsWith(':')) {
      if (part !== undefined) params[segment.slice(1).replace(/\?$/, '')] = part;
    } else if (part !== segment) return null;
  }
  return params;
}

/** The search params through the route's schema: unknown keys dropped, bad values defaulted. */
export function parseSearch<S extends SearchSchema>(
  schema: S,
  search: string | URLSearchParams,
): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URLSearchParams(search)));
  return (parsed.success ? parsed.data : schema.parse({})) as z.output<S>;
}

/** Which route a URL's path and search are, first match in the table's order. */
export function matchUrl<T extends RouteTable>(table: T, pathname: string, search = ''): Match<T> {
  for (const [name, def] of Object.entries(table)) {
    const params = matchPath(def.path, pathname);
    if (params) return { name, params, search: parseSearch(def.search, search) } as Match<T>;
  }
  return { name: 'not-found' };
}

/** The URL of a route: params encoded, search values equal to the schema's defaults left out. */
export function buildUrl(def: RouteDef, params: Record<string, string | undefined>, search = {}): string {
  const path = splitPath(def.path)
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const value = params[segment.slice(1).replace(/\?$/, '')];
      if (value === undefined && !segment.endsWith('?')) throw new Error(`${def.path} needs ${segment}`);
      return value === undefined ? null : encodeURIComponent(value);
    })
    .filter((s) => s !== null);
  const defaults: Record<string, unknown> = def.search.parse({});
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(search as Record<string, unknown>)) {
    if (v !== undefined && v !== defaults[k]) query.set(k, String(v));
  }
  return `/${path.join('/')}${query.size ? `?${query}` : ''}`;
}
