// Delivers the outbox. Any number of workers, in any number of processes, may run against one
// database: each claims its batch with FOR UPDATE SKIP LOCKED under a lease, so no message is sent
// by two workers at once; a worker that dies mid-send leaves the lease to expire and another sends
// that message again, with the same Message-ID. A listening worker wakes when any process commits
// new mail; otherwise (and as a safety net) it polls every pollMs.
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/client.ts';
import {
  claim,
  markFailed,
  markRetry,
  markSent,
  OUTBOX_CHANNEL,
  renewLease,
  type OutboxRow,
} from './outbox.repo.ts';
import type { Transport } from './transport.ts';

export type WorkerOptions = {
  batchSize: number;
  /** Messages of a batch in flight at once (the transport's connections). */
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  /** Delay before attempt n+1 is retryBaseMs · 2^(n-1), at most retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
};

// 8 attempts, the last about 90 minutes after the first (1+2+4+8+16+30+30 minutes apart): a mail
// server down for an hour loses nothing.
export const defaultWorkerOptions: WorkerOptions = {
  batchSize: 20,
  concurrency: 4,
  leaseMs: 120_000,
  pollMs: 1_000,
  retryBaseMs: 60_000,
  retryMaxMs: 30 * 60_000,
  maxAttempts: 8,
};

/** SMTP 5xx answers are permanent (no such mailbox): retrying cannot help. */
const isPermanent = (e: unknown) => {
  const code = (e as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};
const describe = (e: unknown) => String((e as Error).message ?? e).slice(0, 1000);

export class OutboxWorker {
  private running = false;
  private wake: (() => void) | null = null;
  /** A nudge came while a batch was being claimed or sent: look again before sleeping. */
  private nudged = false;
  private loop: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  readonly options: WorkerOptions;

  constructor(
    private readonly db: Db,
    private readonly transport: Transport,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { ...defaultWorkerOptions, ...options };
  }

  /** Sends one batch; returns how many messages it claimed. */
  async runOnce(): Promise<number> {
    const lease = randomUUID();
    const batch = await claim(this.db, this.options.batchSize, this.options.leaseMs, lease);
    const queue = [...batch];
    const lane = async () => {
      for (let message = queue.shift(); message; message = queue.shift()) await this.deliver(message, lease);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, batch.length) }, lane));
    return batch.length;
  }

  private async deliver(message: OutboxRow, lease: string): Promise<void> {
    // A slow batch may outlive the lease of its last messages: send only what is still ours.
    if (!(await renewLease(this.db, message.id, lease, this.options.leaseMs))) return;
    try {
      await this.transport.send(message);
      await markSent(this.db, message.id, lease);
    } catch (e) {
      if (isPermanent(e) || message.attempts >= this.options.maxAttempts)
        await markFailed(this.db, message.id, lease, describe(e));
      else {
        const delay = Math.min(
          this.options.retryMaxMs,
          this.options.retryBaseMs * 2 ** (message.attempts - 1),
        );
        await markRetry(this.db, message.id, lease, describe(e), delay);
      }
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let claimed = 0;
        this.nudged = false;
        try {
          claimed = await this.runOnce();
        } catch (e) {
          console.error('outbox worker:', describe(e));
        }
        if (claimed < this.options.batchSize && this.running && !this.nudged) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.options.pollMs);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wake = null;
        }
      }
    })();
  }

  /** Starts, and wakes at once whenever a transaction in any process commits queued mail. */
  async listen(database: Pick<Database, 'listen'>): Promise<void> {
    this.unlisten ??= await database.listen(OUTBOX_CHANNEL, () => this.nudge());
    this.start();
  }

  nudge(): void {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }
}
