// Messages are ICU MessageFormat (FormatJS's intl-messageformat), so that a translator can write a
// plural or a choice where the language needs one ("{count, plural, one {# délégué} other {#
// délégués}}"). Each message is compiled once per language. A simple argument ("{name}") is written
// as given, numbers included (a year or an id must not read "2,018"); numbers are formatted for the
// language only where a message says so (plural, `#`, `{n, number}`).
import { IntlMessageFormat } from 'intl-messageformat';
import { accent, padding } from '../locales/pseudo.ts';

type Node = { type: number; value?: unknown; options?: Record<string, { value: Node[] }>; children?: Node[] };
const ARGUMENT = 1;
const PLURAL = 6;
const SELECT = 5;
const TAG = 8;

/** The names of a message's arguments, each once, sorted; `simple` gets those written as given. */
export function argumentsOf(nodes: readonly Node[], simple = new Set<string>()): string[] {
  const all = new Set<string>();
  const walk = (list: readonly Node[]) => {
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
  const format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
  return compiled(format);
}

/** The pseudo-locale's message (pseudo.ts): its literal text accented, the whole bracketed and longer. */
export function compilePseudo(message: string): Compiled {
  const ast = new IntlMessageFormat(message, 'en', undefined, {
    ignoreTag: true,
  }).getAst() as unknown as Node[];
  const accented = (nodes: readonly Node[]): Node[] =>
    nodes.map((n) => {
      if (n.type === 0) return { ...n, value: accent(n.value as string) };
      if (!n.options) return n;
      const options = Object.fromEntries(
        Object.entries(n.options).map(([k, o]) => [k, { ...o, value: accented(o.value) }]),
      );
      return { ...n, options };
    });
  // About how long the English reads: its words, the longest of its choices, a word per argument.
  const length = (nodes: readonly Node[]): number =>
    nodes.reduce(
      (sum, n) =>
        sum +
        (n.type === 0
          ? (n.value as string).length
          : n.options
            ? Math.max(...Object.values(n.options).map((o) => length(o.value)))
            : 6),
      0,
    );
  const literal = (value: string): Node => ({ type: 0, value });
  const pseudo = [literal('⟦'), ...accented(ast), literal(`${padding(length(ast))}⟧`)];
  return compiled(new IntlMessageFormat(pseudo as never, 'en', undefined, { ignoreTag: true }));
}

function compiled(format: IntlMessageFormat): Compiled {
  const simple = new Set<string>();
  argumentsOf(format.getAst() as unknown as Node[], simple);
  return { format, simple };
}

/** The message with its arguments: simple ones as given (a missing one stays "{name}"). */
export function formatMessage(c: Compiled, params: Record<string, string | number> = {}): string {
  const values: Record<string, string | number> = {};
  for (const name of c.simple) values[name] = name in params ? String(params[name]) : `{${name}}`;
  for (const [name, value] of Object.entries(params)) if (!c.simple.has(name)) values[name] = value;
  return String(c.format.format(values));
}
