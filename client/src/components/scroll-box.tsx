// A wide table's own box, which scrolls sideways on a phone instead of the page (WCAG 1.4.10 allows
// it for data tables). It is a named region the keyboard can reach, so that it can be scrolled
// without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
import type { ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take the focus to be scrolled with the keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
