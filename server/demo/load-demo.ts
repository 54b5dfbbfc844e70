import { readFileSync } from 'node:fs';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../db/client.ts';
import { importIfEmpty } from '../modules/summits/summits.service.ts';

export const demoFile = new URL('./gfmd-2018.summit.json', import.meta.url);

/** Loads the demo summit into an empty database; a database with any summit is left alone. */
export async function loadDemoIfEmpty(db: Db): Promise<string | null> {
  const file: unknown = JSON.parse(readFileSync(demoFile, 'utf8'));
  const result = await importIfEmpty(db, systemActor('demo loader'), file);
  // Another process loaded it first: the demo is there, which is all that was asked.
  if (!result.ok && result.reason === 'conflict') return null;
  if (!result.ok) throw new Error(`the demo summit file is invalid: ${JSON.stringify(result.errors)}`);
  return result.value?.slug ?? null;
}
