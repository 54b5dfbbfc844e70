// The error summary every form shows at its top when a submit finds problems (WCAG 3.3.1, the
// GOV.UK pattern): "There are 2 problems", each a link that takes the focus to its field. The focus
// moves to the summary when a submit is refused (not as the person types and fixes things), so a
// screen reader reads it once, without a live region saying it a second time.
import { type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';

export type SummaryItem = {
  key: string;
  text: ReactNode;
  /** The id of the control the link goes to; none for a problem that names no field. */
  target?: string;
  /** Focuses the field (default: the element with the target id). */
  focus?: () => void;
};

export function ErrorSummary({
  items,
  refused,
  title,
  summaryRef,
}: {
  items: readonly SummaryItem[];
  /** Changes each time a submit is refused: the focus then moves to the summary. */
  refused: number;
  /** The heading, when the form has its own words for it (default "There are N problems"). */
  title?: string;
  summaryRef?: RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const own = useRef<HTMLElement>(null);
  const ref = summaryRef ?? own;
  const hasItems = items.length > 0;
  useEffect(() => {
    if (refused > 0 && hasItems) {
      ref.current?.focus();
      ref.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [refused, hasItems, ref]);
  if (!hasItems) return null;
  return (
    <section className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId}>{title ?? t('form.problems', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(e) => {
                  e.preventDefault();
                  if (item.focus) return item.focus();
                  const el = document.getElementById(item.target!);
                  el?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Leaf = { message?: unknown; type?: unknown };
/** Every message in react-hook-form's errors, with the name of its field ('' for the form's own). */
export function flattenErrors(errors: object, prefix = ''): [string, string][] {
  return Object.entries(errors).flatMap(([key, value]): [string, string][] => {
    if (key === 'ref' || !value || typeof value !== 'object') return [];
    const name = prefix ? `${prefix}.${key}` : key;
    const leaf = value as Leaf;
    const own: [string, string][] =
      typeof leaf.message === 'string' && leaf.message ? [[name, leaf.message]] : [];
    const nested = Object.entries(value).filter(([k]) => !['ref', 'message', 'type', 'types'].includes(k));
    return [...own, ...flattenErrors(Object.fromEntries(nested), name)];
  });
}

/** What a control is called on screen: its label, its aria-label, or its group's legend. */
function controlName(el: HTMLElement): string {
  const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
  return (
    labelled ??
    el.getAttribute('aria-label') ??
    el.closest('fieldset')?.querySelector('legend')?.textContent ??
    ''
  ).trim();
}

/**
 * The summary of a react-hook-form form (useSchemaForm): its fields' problems as links, and the
 * problems that name no field (or a network error) as plain lines. Goes first in the form.
 */
export function FormErrorSummary({
  errors,
  refused,
}: {
  /** react-hook-form's `formState.errors`. */
  errors: object;
  refused: number;
}) {
  const { t } = useI18n();
  const scope = useRef<HTMLDivElement>(null);
  const [controls, setControls] = useState<Map<string, { id: string; name: string }>>(new Map());
  const { root, ...fields } = errors as { root?: { server?: Leaf } };
  const found = flattenErrors(fields);
  const names = found.map(([name]) => name).join('\n');
  useLayoutEffect(() => {
    const form = scope.current?.closest('form');
    const next = new Map<string, { id: string; name: string }>();
    for (const name of names ? names.split('\n') : []) {
      const el = form?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
      if (el?.id) next.set(name, { id: el.id, name: controlName(el) });
    }
    setControls(next);
  }, [names]);
  const server = root?.server;
  const items: SummaryItem[] = [];
  if (server && (server.message || server.type === 'network')) {
    const message = String(server.message ?? '');
    items.push({ key: '', text: server.type === 'network' ? t('app.error', { message }) : message });
  }
  for (const [name, message] of found) {
    const control = controls.get(name);
    items.push({
      key: name,
      target: control?.id,
      text: control?.name ? t('form.problem', { field: control.name, message }) : message,
    });
  }
  return (
    <div ref={scope} className="form-problems">
      <ErrorSummary items={items} refused={refused} />
    </div>
  );
}
