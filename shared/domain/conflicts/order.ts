// The report's order and the cursors that mark a place in it. A conflict's position is what the
// order compares: it is also what a cursor carries, so a page can start right after another.
import { CONFLICT_CODES, type ConflictCode } from './types.ts';

/** What of a conflict the order reads. */
type Placed = {
  from: number;
  to: number;
  code: ConflictCode;
  sessions: readonly string[];
  room?: string;
  person?: string;
  delegation?: string;
};

const CODE_ORDER = new Map(CONFLICT_CODES.map((c, i) => [c, i]));

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const subjectOf = (f: Pick<Placed, 'room' | 'person' | 'delegation'>) =>
  f.person ?? f.delegation ?? f.room ?? '';

/** Compares keys one by one; for keys (no character below ",") the same order as comparing them joined. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareText(a[i]!, b[i]!);
    if (c) return c;
  }
  return a.length - b.length;
}

/**
 * The report's order, a total one: by interval, then code, then the first two sessions, then the
 * room, person or delegation named. Two sessions suffice: only DELEGATION_OVERCOMMITTED names more,
 * and it is already one per delegation and interval. Keeping two keeps cursors short.
 */
export type Position = {
  from: number;
  to: number;
  code: ConflictCode;
  sessions: readonly string[];
  subject: string;
};
export const positionOf = (f: Placed): Position => ({
  from: f.from,
  to: f.to,
  code: f.code,
  sessions: f.sessions.length > 2 ? f.sessions.slice(0, 2) : f.sessions,
  subject: subjectOf(f),
});
export function compare(a: Position, b: Position): number {
  return (
    a.from - b.from ||
    a.to - b.to ||
    CODE_ORDER.get(a.code)! - CODE_ORDER.get(b.code)! ||
    compareKeys(a.sessions, b.sessions) ||
    compareText(a.subject, b.subject)
  );
}

/** Where a page ends: the position of its last conflict, opaque to clients. */
export function encodeCursor(p: Position): string {
  const json = JSON.stringify([p.from, p.to, p.code, p.sessions, p.subject]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The position a cursor names, or null when it is not one this engine wrote. */
export function decodeCursor(cursor: string): Position | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
    );
    if (!Array.isArray(value) || value.length !== 5) return null;
    const [from, to, code, sessions, subject] = value as unknown[];
    const ok =
      typeof from === 'number' &&
      typeof to === 'number' &&
      CODE_ORDER.has(code as ConflictCode) &&
      Array.isArray(sessions) &&
      sessions.every((k) => typeof k === 'string') &&
      typeof subject === 'string';
    return ok ? { from, to, code: code as ConflictCode, sessions: sessions as string[], subject } : null;
  } catch {
    return null;
  }
}
