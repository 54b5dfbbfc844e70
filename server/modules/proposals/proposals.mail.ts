// Mail about a proposal goes to its contacts and its creator, in the transaction of the change
// that causes it (the outbox), each with a link to the proposal through sign-in with their address.
import type { Executor } from '../../db/client.ts';
import type { Mailer, ProposalFacts } from '../mail/mail.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import { contactEmails, joinNames, organiserNames, type StoredForm } from './proposals.form.ts';
import { creatorEmail } from './proposals.repo.ts';

type Composed = { subject: string; text: string; html: string };

export async function mailOrganisers(
  tx: Executor,
  mailer: Mailer,
  ctx: ProposalContext,
  p: { id: number; form: StoredForm },
  delegationNames: ReadonlyMap<string, string>,
  kind: string,
  compose: (facts: ProposalFacts) => Composed,
): Promise<number> {
  const creator = await creatorEmail(tx, p.id);
  const to = [...new Set([...contactEmails(p.form), ...(creator ? [creator] : [])])];
  const next = `/summits/${ctx.summit.slug}/proposals/${p.id}`;
  for (const address of to) {
    const link = `${mailer.publicUrl}/sign-in?email=${encodeURIComponent(address)}&next=${encodeURIComponent(next)}`;
    const mail = compose({
      summit: ctx.summit.name,
      title: p.form.title || null,
      organisers: joinNames(organiserNames(p.form.organisers, delegationNames)),
      link,
    });
    await mailer.enqueue(tx, { kind, summitId: ctx.summit.id, to: address, ...mail });
  }
  return to.length;
}

/** Who did it, as the organisers know them: a contact's name, else their address. */
export function whoIs(ctx: ProposalContext, form: StoredForm): string {
  const contact = (form.contacts ?? []).find((c) => c.email?.toLowerCase() === ctx.email && c.name);
  if (contact?.name) return contact.name;
  return ctx.roles.supportUnit ? 'the support unit' : (ctx.email ?? 'the support unit');
}
