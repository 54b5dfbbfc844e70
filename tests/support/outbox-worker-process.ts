// A worker in a process of its own, for the test that kills one mid-send (PostgreSQL only: PGlite
// cannot be opened by two processes).
import { openPostgres } from '../../server/db/client.ts';
import { smtpTransport } from '../../server/modules/mail/transport.ts';
import { OutboxWorker } from '../../server/modules/mail/worker.ts';

const database = await openPostgres(process.env.DATABASE_URL!, { max: 2 });
const worker = new OutboxWorker(
  database.db,
  smtpTransport(process.env.SMTP_URL!, 'Convene <no-reply@convene.test>'),
  {
    pollMs: 20,
    leaseMs: Number(process.env.LEASE_MS ?? 1000),
    batchSize: 10,
  },
);
worker.start();
console.log('worker started');
