import nodemailer from 'nodemailer';
import type { OutboxRow } from './outbox.repo.ts';

export type Transport = { send(message: OutboxRow): Promise<void>; close(): void };

/** Connections kept open to the mail server, and so messages a worker sends at once. */
export const SMTP_CONNECTIONS = 4;

/** SMTP through nodemailer; SMTP_URL is smtp://user:pass@host:port (smtps:// for TLS). */
export function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: SMTP_CONNECTIONS });
  return {
    async send(m) {
      await transporter.sendMail({
        from,
        to: m.recipient,
        subject: m.subject,
        text: m.bodyText,
        html: m.bodyHtml ?? undefined,
        messageId: m.messageId,
        date: m.createdAt,
        // Outlook and Gmail show Accept/Decline for a text/calendar part with METHOD:REQUEST.
        ...(m.ical && m.icalMethod && { icalEvent: { method: m.icalMethod, content: m.ical } }),
      });
    },
    close: () => transporter.close(),
  };
}
