// Mail about a proposal, in the transaction of the change that causes it (the outbox): to its
// organisers, or to the support unit, each with a link to the proposal through sign-in with their address.
import { supportUnitAddresses } from '../../core/roles.ts';
import type { Executor } from '../../db/client.ts';
import { languagesOf, type Mailer, type ProposalFacts } from '../mail/mail.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import { contactEmails, organiserNames, type StoredForm } from './proposals.form.ts';
import { creatorEmail } from './proposals.repo.ts';

type Composed = { subject: string; text: string; html: string };

type Proposal = { id: number; form: StoredForm };
type Audience = (tx: Executor, ctx: ProposalContext, p: Proposal) => Promise<{ to: string[]; next: string }>;

/** A mail about a proposal to an audience, each with a link to the proposal through sign-in. */
const mailTo =
  (audience: Audience) =>
  async (
    tx: Executor,
    mailer: Mailer,
    ctx: ProposalContext,
    p: Proposal,
    delegationNames: ReadonlyMap<string, string>,
    kind: string,
    compose: (facts: ProposalFacts) => Composed,
  ): Promise<number> => {
    const { to, next } = await audience(tx, ctx, p);
    const languages = await languagesOf(tx, ctx.summit.id, to);
    for (const address of to) {
      const link = `${mailer.publicUrl}/sign-in?email=${encodeURIComponent(address)}&next=${encodeURIComponent(next)}`;
      const mail = compose({
        language: languages.get(address.toLowerCase()) ?? ctx.summit.language,
        summit: ctx.summit.name,
        timeZone: ctx.summit.timeZone,
        title: p.form.title || null,
        organisers: organiserNames(p.form.organisers, delegationNames),
        link,
      });
      await mailer.enqueue(tx, { kind, summitId: ctx.summit.id, to: address, ...mail });
    }
    return to.length;
  };

/** To its contacts and its creator, with a link to the proposal's page. */
export const mailOrganisers = mailTo(async (tx, ctx, p) => {
  const creator = await creatorEmail(tx, p.id);
  return {
    to: [...new Set([...contactEmails(p.form), ...(creator ? [creator] : [])])],
    next: `/summits/${ctx.summit.slug}/proposals/${p.id}`,
  };
});

/** To the people of the summit's support unit, with a link to the proposal on the review desk. */
export const mailSupportUnit = mailTo(async (tx, ctx, p) => ({
  to: await supportUnitAddresses(tx, ctx.summit.id),
  next: `/summits/${ctx.summit.slug}/proposal-desk/${p.id}`,
}));

/** Who did it, as the organisers know them: a contact's name, else their address; null: the support unit. */
export function whoIs(ctx: ProposalContext, form: StoredForm): string | null {
  const contact = (form.contacts ?? []).find((c) => c.email?.toLowerCase() === ctx.email && c.name);
  if (contact?.name) return contact.name;
  return ctx.roles.supportUnit ? null : (ctx.email ?? null);
}
