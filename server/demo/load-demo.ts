import { readFileSync } from 'node:fs';
import type { Db } from '../db/client.ts';
import { importSummit } from '../modules/summits/summits.service.ts';
import { countSummits } from '../modules/summits/summits.repo.ts';

export const demoFile = new URL('./gfmd-2018.summit.json', import.meta.url);

/** Loads the demo summit into an empty database; a database with any summit is left alone. */
export async function loadDemoIfEmpty(db: Db): Promise<string | null> {
  if ((await countSummits(db)) > 0) return null;
  const result = await importSummit(
    db,
    { kind: 'admin', label: 'demo loader' },
    JSON.parse(readFileSync(demoFile, 'utf8')),
    { replace: false },
  );
  if (!result.ok) throw new Error(`the demo summit file is invalid: ${JSON.stringify(result.errors)}`);
  return result.value.slug;
}
