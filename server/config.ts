// Everything the server reads from its environment, in one place (documented in the README).
export type Config = {
  port: number;
  databaseUrl?: string;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE); unset: one per core, at least two. */
  databasePoolSize?: number;
  dataDir: string;
  adminToken?: string;
  loadDemo: boolean;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  trustProxy?: string | number | boolean;
};

function trustProxy(value: string | undefined): string | number | boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  const pool = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined;
  if (pool !== undefined && !(Number.isInteger(pool) && pool >= 1 && pool <= 1000))
    throw new Error(
      `DATABASE_POOL_SIZE must be a number of connections (1 to 1000), not "${env.DATABASE_POOL_SIZE}"`,
    );
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: pool,
    dataDir: env.DATA_DIR || './data',
    adminToken: env.ADMIN_TOKEN || undefined,
    loadDemo: env.LOAD_DEMO !== 'false',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || `Convene <no-reply@${new URL(publicUrl).hostname}>`,
    publicUrl,
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
