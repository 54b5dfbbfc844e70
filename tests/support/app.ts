// The API on a fresh database, driven through supertest; optionally with a real SMTP peer and the
// outbox worker delivering to it.
import { desc, eq } from 'drizzle-orm';
import supertest, { type Test } from 'supertest';
import { createApp } from '../../server/app.ts';
import { outbox } from '../../server/db/schema.ts';
import { createMailer } from '../../server/modules/mail/mailer.ts';
import { smtpTransport } from '../../server/modules/mail/transport.ts';
import { OutboxWorker, type WorkerOptions } from '../../server/modules/mail/worker.ts';
import { testDatabase, type TestDatabase } from './db.ts';
import type { TestSmtp } from './smtp.ts';

export const ADMIN_TOKEN = 'test-admin-token';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const PUBLIC_URL = 'http://convene.test';
/** Fast retries and short leases, so that tests see a whole retry cycle. */
export const FAST_WORKER: Partial<WorkerOptions> = {
  pollMs: 20,
  retryBaseMs: 50,
  retryMaxMs: 200,
  leaseMs: 500,
  maxAttempts: 4,
};

export type TestApi = {
  database: TestDatabase;
  http: ReturnType<typeof supertest>;
  worker: OutboxWorker | null;
  close(): Promise<void>;
};

export async function testApi(
  opts: { smtp?: TestSmtp; worker?: Partial<WorkerOptions>; trustProxy?: boolean } = {},
): Promise<TestApi> {
  const database = await testDatabase();
  const transport = opts.smtp ? smtpTransport(opts.smtp.url, 'Convene <no-reply@convene.test>') : null;
  const worker = transport
    ? new OutboxWorker(database.db, transport, { ...FAST_WORKER, ...opts.worker })
    : null;
  const mailer = createMailer({ delivers: worker !== null, publicUrl: PUBLIC_URL });
  await worker?.listen(database);
  const app = createApp({ db: database.db, adminToken: ADMIN_TOKEN, mailer, trustProxy: opts.trustProxy });
  return {
    database,
    http: supertest(app),
    worker,
    close: async () => {
      await worker?.stop();
      transport?.close();
      await database.close();
    },
  };
}

/**
 * Another server on the same database, as after a restart with another ADMIN_TOKEN (undefined:
 * unset); mail is held in the outbox.
 */
export function restartedWith(api: TestApi, adminToken: string | undefined): ReturnType<typeof supertest> {
  const mailer = createMailer({ delivers: false, publicUrl: PUBLIC_URL });
  return supertest(createApp({ db: api.database.db, adminToken, mailer }));
}

/** The request with its body kept as text, whatever its type (superagent parses only JSON and text/*). */
export const asText = (test: Test): Test =>
  test.buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
    });
    res.on('end', () => done(null, text));
  });

/** The actor for setting up fixtures directly through services. */
export const system = { kind: 'admin', label: 'test setup' } as const;

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** The token of the newest sign-in link sent to an address, read from the outbox. */
export async function latestLinkToken(api: Pick<TestApi, 'database'>, email: string): Promise<string> {
  const [message] = await api.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, email.toLowerCase()))
    .orderBy(desc(outbox.id))
    .limit(1);
  const token = /\/sign-in\/verify\?token=([\w-]+)/.exec(message?.bodyText ?? '')?.[1];
  if (!token) throw new Error(`no sign-in link for ${email}`);
  return token;
}

/** Signs in the way a person does: asks for a link, follows it, keeps the cookie and CSRF token. */
export async function signIn(api: TestApi, email: string): Promise<Session> {
  const asked = await api.http.post('/api/auth/link').send({ email });
  if (asked.status !== 202)
    throw new Error(`sign-in link for ${email}: ${asked.status} ${JSON.stringify(asked.body)}`);
  const verified = await api.http.post('/api/auth/verify').send({ token: await latestLinkToken(api, email) });
  const cookie = String(verified.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return {
    cookie,
    csrf: verified.body.csrfToken,
    headers: { cookie, 'x-csrf-token': verified.body.csrfToken },
  };
}
