// Drafts kept in this browser (localStorage), one per summit and proposal ("new" before the server
// has given it a number), until the server has taken them.
import type { LocalDraft, LocalDrafts } from './draft-saver.ts';

const keyOf = (slug: string, id: number | null) => `convene:proposal:${slug}:${id ?? 'new'}`;

export function browserDrafts<V>(slug: string): LocalDrafts<V> {
  return {
    read(id) {
      try {
        const raw = localStorage.getItem(keyOf(slug, id));
        return raw ? (JSON.parse(raw) as LocalDraft<V>) : null;
      } catch {
        return null; // unreadable (another version's shape): as if none
      }
    },
    write(id, draft) {
      try {
        localStorage.setItem(keyOf(slug, id), JSON.stringify(draft));
      } catch {
        // Storage full or refused (private browsing): the server copy is all there is.
      }
    },
    remove(id) {
      localStorage.removeItem(keyOf(slug, id));
    },
  };
}
