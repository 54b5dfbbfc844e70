// npm run import -- FILE.json [--replace]: loads a summit file into the configured database.
import { readFileSync } from 'node:fs';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { systemActor } from './core/actor.ts';
import { importSummit } from './modules/summits/summits.service.ts';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1) {
  console.error('usage: npm run import -- FILE.json [--replace]');
  process.exit(2);
}
let body: unknown;
try {
  body = JSON.parse(readFileSync(files[0]!, 'utf8'));
} catch (e) {
  console.error(`${files[0]}: ${(e as Error).message}`);
  process.exit(1);
}
const config = readConfig();
const database = await openDatabase({
  DATABASE_URL: config.databaseUrl,
  DATA_DIR: config.dataDir,
  poolSize: config.databasePoolSize,
});
try {
  await database.migrate();
  const result = await importSummit(database.db, systemActor('command line import'), body, {
    replace: args.includes('--replace'),
  });
  if (result.ok)
    console.log(`${result.value.replaced ? 'Replaced' : 'Imported'} summit "${result.value.slug}".`);
  else {
    for (const e of result.errors) console.error(`${e.path || '(file)'}: ${e.message}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
