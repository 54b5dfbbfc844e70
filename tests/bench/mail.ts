// Outbox figures: throughput to a local SMTP server with one and two workers, and the delay from a
// change (a sign-in request) to its message reaching the SMTP server.
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import supertest from 'supertest';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/client.ts';
import { outbox } from '../../server/db/schema.ts';
import { createMailer } from '../../server/modules/mail/mailer.ts';
import { smtpTransport } from '../../server/modules/mail/transport.ts';
import { OutboxWorker } from '../../server/modules/mail/worker.ts';
import { queueMessages } from '../factories/mail.ts';

/** An SMTP server that only counts: parsing would make it, not the outbox, the bottleneck. */
async function countingSmtp() {
  const arrivals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      stream.on('end', () => {
        arrivals.push(performance.now());
        cb();
      });
      stream.resume();
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { arrivals, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;

export type MailRow = { measure: string; median: string; spread: string; runs: number };

export async function benchMail(
  open: () => Promise<{ database: Database; second: () => Promise<Database>; dispose(): Promise<void> }>,
): Promise<MailRow[]> {
  const rows: MailRow[] = [];
  const MESSAGES = 1000;
  const RUNS = 3;
  for (const workers of [1, 2]) {
    const rates: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { database, second, dispose } = await open();
      const smtp = await countingSmtp();
      await queueMessages(database.db, MESSAGES);
      const dbs = workers === 1 ? [database] : [database, await second()];
      const transports = dbs.map(() => smtpTransport(smtp.url, 'Convene <bench@convene.test>'));
      const ws = dbs.map((db, i) => new OutboxWorker(db.db, transports[i]!));
      const t0 = performance.now();
      for (const w of ws) w.start();
      while (smtp.arrivals.length < MESSAGES) await new Promise((r) => setTimeout(r, 5));
      rates.push(MESSAGES / ((smtp.arrivals.at(-1)! - t0) / 1000));
      await Promise.all(ws.map((w) => w.stop()));
      for (const t of transports) t.close();
      if (dbs[1] && dbs[1] !== database) await dbs[1].close();
      await smtp.close();
      await database.close();
      await dispose();
    }
    rows.push({
      measure: `outbox throughput, ${workers} worker${workers > 1 ? 's' : ''} (${MESSAGES} messages)`,
      median: `${median(rates).toFixed(0)} msg/s`,
      spread: `min ${Math.min(...rates).toFixed(0)}, max ${Math.max(...rates).toFixed(0)}`,
      runs: RUNS,
    });
  }

  // The delay of one change: a sign-in request commits its message; its NOTIFY wakes the worker,
  // which listens on the same connection pool or (as another process would) on one of its own.
  for (const where of ['same connection pool', 'its own connection'] as const) {
    const { database, second, dispose } = await open();
    const workerDb = where === 'same connection pool' ? database : await second();
    const smtp = await countingSmtp();
    const transport = smtpTransport(smtp.url, 'Convene <bench@convene.test>');
    const worker = new OutboxWorker(workerDb.db, transport);
    const mailer = createMailer({ delivers: true, publicUrl: 'http://convene.test' });
    const http = supertest(createApp({ db: database.db, mailer, trustProxy: true }));
    await worker.listen(workerDb);
    const delays: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const res = await http
        .post('/api/auth/link')
        .set('x-forwarded-for', `10.0.0.${i}`)
        .send({ email: `delegate.${i}@example.org` });
      if (res.status !== 202) throw new Error(`sign-in request ${i}: ${res.status}`);
      while (smtp.arrivals.length <= i) await new Promise((r) => setImmediate(r));
      delays.push(smtp.arrivals[i]! - t0);
    }
    // The last arrival may precede its "sent" mark by a moment.
    const sentCount = async () =>
      (await database.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, 'sent'))).length;
    for (let tries = 0; (await sentCount()) !== 60; tries++) {
      if (tries > 200) throw new Error(`expected 60 sent, found ${await sentCount()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    rows.push({
      measure: `delay from a change to the SMTP server (worker on ${where})`,
      median: `${median(delays).toFixed(1)} ms`,
      spread: `p95 ${p95(delays).toFixed(1)} ms`,
      runs: delays.length,
    });
    await worker.stop();
    transport.close();
    await smtp.close();
    if (workerDb !== database) await workerDb.close();
    await database.close();
    await dispose();
  }
  return rows;
}
