// A real SMTP peer for tests: smtp-server receives, mailparser reads what arrived. It can go down
// (connections refused) and come back on the same port.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export class TestSmtp {
  readonly received: ParsedMail[] = [];
  /** When set, every message is answered with this SMTP error instead of being accepted. */
  reject: { code: number; message: string } | null = null;
  /** Delay before accepting each message, to catch a worker in the middle of a send. */
  delayMs = 0;
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      banner: 'test smtp',
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(async (mail) => {
          if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
          if (this.reject)
            return callback(
              Object.assign(new Error(this.reject.message), { responseCode: this.reject.code }),
            );
          this.received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` messages have arrived. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ParsedMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} messages, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }

  messageIds(): string[] {
    return this.received.map((m) => m.messageId ?? '');
  }
}
