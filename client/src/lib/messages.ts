// The ICU message helpers live in shared/ so that the server's mail catalogues use the same ones;
// the pseudo-locale's making of a message is the client's own.
import { IntlMessageFormat } from 'intl-messageformat';
import { type Compiled, compiledFrom, type MessageNode as Node } from '../../../shared/domain/messages.ts';
import { accent, padding } from '../locales/pseudo.ts';

export * from '../../../shared/domain/messages.ts';

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
  return compiledFrom(new IntlMessageFormat(pseudo as never, 'en', undefined, { ignoreTag: true }));
}
