// Runs a handler in the summit a request names, as the caller sees it; a summit hidden from them
// answers 404, like one that does not exist.
import type { Actor } from '../core/actor.ts';
import { openSummit, type SummitContext } from '../core/summit-context.ts';
import type { Db } from '../db/client.ts';
import { failureReply, type Reply } from './route.ts';

export async function inSummit(
  db: Db,
  slug: string,
  actor: Actor,
  then: (ctx: SummitContext) => Promise<Reply>,
): Promise<Reply> {
  const opened = await openSummit(db, slug, actor);
  return opened.ok ? then(opened.value) : failureReply(opened);
}
