import { asc } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPostgres, type Database } from '../../server/db/client.ts';
import { outbox } from '../../server/db/schema.ts';
import type { OutboxRow } from '../../server/modules/mail/outbox.repo.ts';
import { smtpTransport, type Transport } from '../../server/modules/mail/transport.ts';
import { OutboxWorker } from '../../server/modules/mail/worker.ts';
import { queueMessages } from '../factories/mail.ts';
import { FAST_WORKER } from '../support/app.ts';
import { testDatabase } from '../support/db.ts';
import { TestSmtp } from '../support/smtp.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function setup() {
  const database = await testDatabase();
  const smtp = await new TestSmtp().start();
  cleanup.push(
    () => database.close(),
    () => smtp.stop(),
  );
  return { database, smtp };
}

function worker(database: Database, smtp: TestSmtp, options = {}) {
  const transport = smtpTransport(smtp.url, 'Convene <no-reply@convene.test>');
  const w = new OutboxWorker(database.db, transport, { ...FAST_WORKER, ...options });
  cleanup.push(async () => {
    await w.stop();
    transport.close();
  });
  return w;
}

const rows = (database: Database) => database.db.select().from(outbox).orderBy(asc(outbox.id));

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the outbox', () => {
  it('keeps messages while the mail server is down and delivers each exactly once when it is back', async () => {
    const { database, smtp } = await setup();
    const port = smtp.port;
    await smtp.stop();
    await queueMessages(database.db, 12);
    const w = worker(database, smtp, { maxAttempts: 50 });
    w.start();
    await until(async () => (await rows(database)).every((m) => m.attempts >= 2));
    const down = await rows(database);
    expect(down.filter((m) => m.status === 'sent' || m.status === 'failed')).toEqual([]);
    expect(down.every((m) => /ECONNREFUSED/.test(m.lastError ?? ''))).toBe(true);
    await smtp.start(port);
    await smtp.waitFor(12);
    await until(async () => (await rows(database)).every((m) => m.status === 'sent'));
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to show up, if there were one
    const sent = await rows(database);
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(sent.map((m) => m.subject).sort());
    expect(new Set(smtp.messageIds()).size).toBe(12);
    expect(smtp.messageIds().sort()).toEqual(sent.map((m) => m.messageId).sort());
  });

  it('marks a message failed after its last attempt, with the SMTP error, and sends it again on request', async () => {
    const { database, smtp } = await setup();
    smtp.reject = { code: 451, message: 'Mailbox busy, try later' };
    await queueMessages(database.db, 1);
    const w = worker(database, smtp, { maxAttempts: 3 });
    w.start();
    await until(async () => (await rows(database))[0]!.status === 'failed');
    const [failed] = await rows(database);
    expect([failed!.attempts, failed!.lastError]).toEqual([3, 'Message failed: 451 Mailbox busy, try later']);
    smtp.reject = null;
    const { requeue } = await import('../../server/modules/mail/outbox.repo.ts');
    expect(await requeue(database.db, failed!.id, 'queued')).toBe(true);
    await smtp.waitFor(1);
    await until(async () => (await rows(database))[0]!.status === 'sent');
    expect(smtp.received[0]!.messageId).toBe(failed!.messageId);
  });

  it('does not retry a permanent refusal (550)', async () => {
    const { database, smtp } = await setup();
    smtp.reject = { code: 550, message: 'No such user here' };
    await queueMessages(database.db, 1);
    worker(database, smtp).start();
    await until(async () => (await rows(database))[0]!.status === 'failed');
    const [m] = await rows(database);
    expect([m!.attempts, m!.lastError]).toEqual([1, 'Message failed: 550 No such user here']);
  });

  it('loses nothing when a worker dies mid-batch: another re-sends under the same Message-ID', async () => {
    const { database, smtp } = await setup();
    await queueMessages(database.db, 5);
    // The dying worker hands the first message to the mail server and dies before recording it,
    // as a process killed mid-send would: it never records anything, its lease is never released.
    const real = smtpTransport(smtp.url, 'Convene <no-reply@convene.test>');
    cleanup.push(async () => real.close());
    let handed = 0;
    const dying: Transport = {
      send: (m: OutboxRow) =>
        (handed++ === 0 ? real.send(m) : Promise.resolve()).then(() => new Promise<void>(() => {})),
      close: () => {},
    };
    const doomed = new OutboxWorker(database.db, dying, { ...FAST_WORKER, batchSize: 5, leaseMs: 400 });
    void doomed.runOnce();
    await smtp.waitFor(1);
    expect((await rows(database)).map((m) => m.status)).toEqual([
      'sending',
      'sending',
      'sending',
      'sending',
      'sending',
    ]);
    worker(database, smtp).start();
    await smtp.waitFor(6);
    await until(async () => (await rows(database)).every((m) => m.status === 'sent'));
    const all = await rows(database);
    const ids = smtp.messageIds();
    expect([ids.length, new Set(ids).size]).toEqual([6, 5]);
    expect([...new Set(ids)].sort()).toEqual(all.map((m) => m.messageId).sort());
    expect(ids.filter((id) => id === all[0]!.messageId)).toHaveLength(2);
  });

  it('sends each message once with two workers on separate connections', async () => {
    const { database, smtp } = await setup();
    await queueMessages(database.db, 120);
    // On PostgreSQL the second worker has a connection pool of its own (FOR UPDATE SKIP LOCKED at
    // work); PGlite serves one connection, so there both share it.
    const url = inject('databaseUrl') ? database.env.DATABASE_URL : null;
    const second = url ? await openPostgres(url, { max: 4 }) : database;
    if (url) cleanup.push(() => second.close());
    const a = worker(database, smtp, { batchSize: 7 });
    const b = worker(second, smtp, { batchSize: 7 });
    a.start();
    b.start();
    await smtp.waitFor(120);
    await until(async () => (await rows(database)).every((m) => m.status === 'sent'));
    await new Promise((r) => setTimeout(r, 200));
    expect([smtp.received.length, new Set(smtp.messageIds()).size]).toEqual([120, 120]);
  });
});

describe('waking the worker', () => {
  it('delivers at once when another connection commits mail, long before its next poll', async () => {
    const { database, smtp } = await setup();
    const url = inject('databaseUrl') ? database.env.DATABASE_URL : null;
    const other = url ? await openPostgres(url, { max: 2 }) : database;
    if (url) cleanup.push(() => other.close());
    // Polling alone would first look again in an hour: only the commit's NOTIFY can wake it.
    const w = worker(database, smtp, { pollMs: 3_600_000 });
    await w.listen(database);
    await until(async () => (await w.runOnce()) === 0);
    await other.db.transaction((tx) => queueMessages(tx, 3, 'woken'));
    await smtp.waitFor(3, 10_000);
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(['woken 0', 'woken 1', 'woken 2']);
  });
});

describe('a nudge during a batch', () => {
  it('is not lost: mail committed while the worker sends goes out after that batch, not at the next poll', async () => {
    const { database, smtp } = await setup();
    const w = worker(database, smtp, { pollMs: 3_600_000 });
    await w.listen(database);
    smtp.delayMs = 400; // the first message keeps the worker busy
    await queueMessages(database.db, 1, 'first');
    await until(async () => (await rows(database)).some((m) => m.status === 'sending'));
    await queueMessages(database.db, 1, 'second');
    await smtp.waitFor(2, 10_000);
    expect(smtp.received.map((m) => m.subject)).toEqual(['first 0', 'second 0']);
  });
});

describe('a worker process killed with SIGKILL', () => {
  it.skipIf(!inject('databaseUrl'))(
    'loses nothing: the next worker sends what it held, duplicates carrying the same Message-ID',
    async () => {
      const { database, smtp } = await setup();
      await queueMessages(database.db, 8);
      smtp.delayMs = 1500; // the mail server takes its time to answer: the worker is caught mid-send
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/outbox-worker-process.ts'], {
        env: { ...process.env, ...database.env, SMTP_URL: smtp.url, LEASE_MS: '800' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await until(async () => (await rows(database)).some((m) => m.status === 'sending'));
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      smtp.delayMs = 0;
      const held = (await rows(database)).filter((m) => m.status === 'sending').length;
      expect(held).toBeGreaterThan(0);
      worker(database, smtp).start();
      await until(async () => (await rows(database)).every((m) => m.status === 'sent'));
      await new Promise((r) => setTimeout(r, 300));
      const all = await rows(database);
      expect([...new Set(smtp.messageIds())].sort()).toEqual(all.map((m) => m.messageId).sort());
      // A message the dead worker had handed over is received twice, under one Message-ID.
      expect(smtp.received.length - new Set(smtp.messageIds()).size).toBeLessThanOrEqual(held);
    },
  );
});
