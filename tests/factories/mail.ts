import type { Executor } from '../../server/db/client.ts';
import { createMailer } from '../../server/modules/mail/mailer.ts';

/** Queues `count` messages as a change would: to delegates of the seed summit, numbered. */
export async function queueMessages(db: Executor, count: number, prefix = 'notice'): Promise<void> {
  const mailer = createMailer({ delivers: true, publicUrl: 'http://convene.test' });
  for (let i = 0; i < count; i++) {
    await mailer.enqueue(db, {
      kind: 'test',
      to: `delegate.${i}@example.org`,
      subject: `${prefix} ${i}`,
      text: `Programme change ${i}`,
    });
  }
}
