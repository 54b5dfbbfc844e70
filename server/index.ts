// Starts the server: opens the database (PGlite in DATA_DIR, or DATABASE_URL), migrates it, loads the
// demo summit into an empty database, starts the outbox worker when SMTP_URL names a mail server,
// purges expired sign-ins hourly, and serves the API and the built client.
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { loadDemoIfEmpty } from './demo/load-demo.ts';
import { purgeExpired } from './modules/auth/auth.service.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { smtpTransport } from './modules/mail/transport.ts';
import { purgeIdempotencyKeys } from './modules/proposals/proposals.service.ts';
import { OutboxWorker } from './modules/mail/worker.ts';
import { closePool } from './workers/pool.ts';

const config = readConfig();
const database = await openDatabase({
  DATABASE_URL: config.databaseUrl,
  DATA_DIR: config.dataDir,
  poolSize: config.databasePoolSize,
});
await database.migrate(async (db) => {
  if (!config.loadDemo) return;
  const slug = await loadDemoIfEmpty(db);
  if (slug) console.log(`Loaded the demo summit "${slug}".`);
});
const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
const worker = transport ? new OutboxWorker(database.db, transport) : null;
const mailer = createMailer({
  delivers: worker !== null,
  publicUrl: config.publicUrl,
  from: config.mailFrom,
});
await worker?.listen(database);

// Expired sign-in links and sessions, and idempotency keys older than a day, are forgotten at start
// and then hourly.
const purge = () =>
  Promise.all([
    purgeExpired(database.db).catch((e: Error) => console.error('purging expired sign-ins:', e.message)),
    purgeIdempotencyKeys(database.db).catch((e: Error) =>
      console.error('purging idempotency keys:', e.message),
    ),
  ]);
await purge();
const purging = setInterval(purge, 3_600_000);
purging.unref();

const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const app = createApp({
  db: database.db,
  adminToken: config.adminToken,
  mailer,
  clientDir,
  trustProxy: config.trustProxy,
  version: process.env.npm_package_version,
});
const server = app.listen(config.port, () => {
  const where = database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  const mail = worker ? 'mail via SMTP_URL' : 'mail held in the outbox (no SMTP_URL)';
  console.log(
    `Convene on http://localhost:${config.port} (${where}; ${mail}; ADMIN_TOKEN ${config.adminToken ? 'set' : 'not set'})`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    clearInterval(purging);
    void (async () => {
      await worker?.stop();
      await closePool();
      transport?.close();
      await database.close();
      process.exit(0);
    })();
  });
}
