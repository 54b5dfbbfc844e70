// Shared by the client (client/src/lib/i18n.tsx) and the server's mail (server/modules/mail/i18n.ts).
// Messages are ICU MessageFormat (FormatJS's intl-messageformat), so that a translator can write a
// plural or a choice where the language needs one ("{count, plural, one {# délégué} other {#
// délégués}}"). Each message is compiled once per language. A simple argument ("{name}") is written
// as given, numbers included (a year or an id must not read "2,018"); numbers are formatted for the
// language only where a message says so (plural, `#`, `{n, number}`).
import { IntlMessageFormat } from 'intl-messageformat';

export type MessageNode = {
  type: number;
  value?: unknown;
  options?: Record<string, { value: MessageNode[] }>;
  children?: MessageNode[];
};
const ARGUMENT = 1;
const PLURAL = 6;
const SELECT = 5;
const TAG = 8;

/** The names of a message's arguments, each once, sorted; `simple` gets those written as given. */
export function argumentsOf(nodes: readonly MessageNode[], simple = new Set<string>()): string[] {
  const all = new Set<string>();
  const walk = (list: readonly MessageNode[]) => {
    for (const n of list) {
      if (typeof n.value === 'string' && n.type !== 0 && n.type !== TAG) all.add(n.value);
      if (n.type === ARGUMENT) simple.add(n.value as string);
      if ((n.type === PLURAL || n.type === SELECT) && n.options)
        for (const o of Object.values(n.options)) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return [...all].sort();
}

export type Compiled = { format: IntlMessageFormat; simple: Set<string> };

export function compile(message: string, locale: string): Compiled {
  return compiledFrom(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }));
}

/** A message already made (from text or a syntax tree) with the names of its simple arguments. */
export function compiledFrom(format: IntlMessageFormat): Compiled {
  const simple = new Set<string>();
  argumentsOf(format.getAst() as unknown as MessageNode[], simple);
  return { format, simple };
}

/** The message with its arguments: simple ones as given (a missing one stays "{name}"). */
export function formatMessage(c: Compiled, params: Record<string, string | number> = {}): string {
  const values: Record<string, string | number> = {};
  for (const name of c.simple) values[name] = name in params ? String(params[name]) : `{${name}}`;
  for (const [name, value] of Object.entries(params)) if (!c.simple.has(name)) values[name] = value;
  return String(c.format.format(values));
}
