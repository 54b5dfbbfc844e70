// The published programme and its tag: a hash of everything the exports write from it.
import { createHash } from 'node:crypto';
import type { SummitRecord } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { type ProgrammeExport, publishedProgramme } from './published-programme.ts';

// Raise when a writer changes what it writes for the same programme, so that caches let go.
const WRITERS_VERSION = 1;

export type ProgrammeSnapshot = { programme: ProgrammeExport; tag: string };

/** The published programme and its tag (a hash of everything the exports write from it). */
export async function programmeSnapshot(
  db: Db,
  summit: SummitRecord,
  publicUrl: string,
): Promise<ProgrammeSnapshot> {
  const programme = await publishedProgramme(db, summit, publicUrl);
  const tag = createHash('sha256')
    .update(JSON.stringify([WRITERS_VERSION, programme]))
    .digest('base64url')
    .slice(0, 22);
  return { programme, tag };
}
