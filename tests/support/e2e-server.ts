// The real app on a real port, for the browser: a fresh database, the demo summit, the client
// built once per run, and mail held in the outbox with links to this server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadDemoIfEmpty } from '../../server/demo/load-demo.ts';
import { createMailer } from '../../server/modules/mail/mailer.ts';
import { ADMIN_TOKEN } from './app.ts';
import { testDatabase, type TestDatabase } from './db.ts';

export type E2eServer = { base: string; database: TestDatabase; close(): Promise<void> };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

export async function startE2eServer(): Promise<E2eServer> {
  const database = await testDatabase();
  await loadDemoIfEmpty(database.db);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = createApp({
    db: database.db,
    adminToken: ADMIN_TOKEN,
    clientDir: inject('clientDir'),
    mailer: createMailer({ delivers: false, publicUrl: base }),
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(port, '127.0.0.1', () => r(s));
  });
  return {
    base,
    database,
    close: async () => {
      await new Promise((r) => server.close(r));
      await database.close();
    },
  };
}
