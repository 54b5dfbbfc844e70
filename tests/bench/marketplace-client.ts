// The Marketplace bench's side of the wire: server processes started as `npm start` starts them
// (without building the client), keep-alive HTTP to them from this process, and providers signed in
// the way a person signs in (a link asked for, read from the outbox, followed).
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type postgres from 'postgres';

export type Answer = { status: number; body: Record<string, unknown> };
export type Server = {
  base: string;
  port: number;
  agent: Agent;
  child: ChildProcess;
  /** Lines the server wrote to stderr before it was asked to stop. */
  errors: string[];
  stopping: boolean;
};

const newAgent = (connections: number) =>
  new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

/**
 * Fresh connections for the next phase: a socket left idle longer than the server's keep-alive
 * timeout may be closed by the server just as it is reused (a reset that is not the server's answer).
 */
export function renewAgent(server: Server, connections: number): void {
  server.agent.destroy();
  server.agent = newAgent(connections);
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

/** A real server process on its own port, on the given database; resolves once it listens. */
export async function startServer(env: Record<string, string>, connections: number): Promise<Server> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS: extra flags for the servers' node, e.g. "--cpu-prof --cpu-prof-dir=prof".
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, ...env, PORT: String(port), LOAD_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = {
    base: `http://127.0.0.1:${port}`,
    port,
    agent: newAgent(connections),
    child,
    errors: [],
    stopping: false,
  };
  child.stderr!.on('data', (d: Buffer) => {
    if (!server.stopping) server.errors.push(...d.toString().split('\n').filter(Boolean));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('Convene on') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return server;
}

/** Stops the process; what it logs from now on (requests cut short) is not counted. */
export async function stopServer(server: Server): Promise<void> {
  server.stopping = true;
  server.agent.destroy();
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}

/**
 * One HTTP exchange over the server's keep-alive agent (or, with `localAddress`, a connection of its
 * own from that loopback address). Never rejects on a status; rejects on a broken connection.
 */
export function call(
  server: Server,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  localAddress?: string,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        ...(localAddress ? { agent: false, localAddress } : { agent: server.agent }),
        headers: {
          ...headers,
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(payload)),
          }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          resolve({
            status: res.statusCode ?? 0,
            body: { ...parsed, ...(res.headers['set-cookie'] && { setCookie: res.headers['set-cookie'] }) },
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export type Session = { headers: Record<string, string> };

/**
 * Signs a person in as a browser does: asks for a link (from loopback address `from`: the sign-in
 * limits count links per network address), reads its token from the outbox, follows it, and keeps
 * the session cookie and the CSRF token that writes must carry.
 */
export async function signIn(
  server: Server,
  sql: postgres.Sql,
  email: string,
  from: string,
): Promise<Session> {
  const asked = await call(server, 'POST', '/api/auth/link', {}, { email }, from);
  if (asked.status !== 202)
    throw new Error(`link for ${email}: ${asked.status} ${JSON.stringify(asked.body)}`);
  const [message] = await sql<{ body_text: string }[]>`
    select body_text from outbox where recipient = ${email} order by id desc limit 1`;
  const token = /\/sign-in\/verify\?token=([\w-]+)/.exec(message?.body_text ?? '')?.[1];
  if (!token) throw new Error(`no sign-in link for ${email}`);
  const verified = await call(server, 'POST', '/api/auth/verify', {}, { token });
  const cookie = String((verified.body.setCookie as string[] | undefined)?.[0] ?? '').split(';')[0]!;
  if (verified.status !== 200 || !cookie) throw new Error(`verify for ${email}: ${verified.status}`);
  return { headers: { cookie, 'x-csrf-token': String(verified.body.csrfToken) } };
}

/**
 * CPU seconds (user + system) used so far by processes, read from /proc (Linux; 0 elsewhere):
 * `servers` by the given server processes and `database` by every process named postgres (the
 * backends, the WAL writer, the checkpointer), so that a phase's cost per answer can be split.
 */
function cpuSeconds(servers: Server[]): { servers: number; database: number } {
  const tick = 100; // USER_HZ: 100 on every Linux Node runs on
  const of = (pid: number | string) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      return {
        name: stat.slice(stat.indexOf('(') + 1, close),
        cpu: (Number(fields[11]) + Number(fields[12])) / tick,
      };
    } catch {
      return { name: '', cpu: 0 };
    }
  };
  let database = 0;
  try {
    for (const pid of readdirSync('/proc'))
      if (/^\d+$/.test(pid)) {
        const p = of(pid);
        if (p.name === 'postgres') database += p.cpu;
      }
  } catch {}
  return { servers: servers.reduce((n, s) => n + of(s.child.pid ?? 0).cpu, 0), database };
}

/** The CPU seconds the servers, the database and this process have used since the meter was made. */
export function cpuMeter(servers: Server[]): () => { servers: number; database: number; driver: number } {
  const before = cpuSeconds(servers);
  const driver = process.cpuUsage();
  return () => {
    const now = cpuSeconds(servers);
    const own = process.cpuUsage(driver);
    return {
      servers: now.servers - before.servers,
      database: now.database - before.database,
      driver: (own.user + own.system) / 1e6,
    };
  };
}
