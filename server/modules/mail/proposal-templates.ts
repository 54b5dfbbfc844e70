// The messages a side-event proposal's organisers receive, one per step of its lifecycle, in the
// recipient's language. They name things as people know them (the summit, the event's title, its
// organisers), never by key.
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { listText, type MailKey, momentText, type Translate, translator } from './i18n.ts';
import { html } from './templates.ts';

/** What every proposal message says: which event, for which summit, and where to see it. */
export type ProposalFacts = {
  /** The recipient's language. */
  language: Language;
  summit: string;
  /** The summit's zone, for a deadline. */
  timeZone: string;
  /** The event's title; a draft may not have one yet. */
  title: string | null;
  /** Its organisers' names, joined in the recipient's language ("Republic of Moldova and ICMPD"). */
  organisers: readonly string[];
  /** The proposal's page, through sign-in with the recipient's address. */
  link: string;
};

/** Who wrote or withdrew: a name, or null for the support unit. */
export type Who = string | null;

type Step =
  | 'submitted'
  | 'changes'
  | 'accepted'
  | 'rejected'
  | 'withdrawn'
  | 'extended'
  | 'comment'
  | 'organiserComment';

function message(
  f: ProposalFacts,
  step: Step,
  subjectFallback: 'proposal.aSideEvent' | 'proposal.aProposal',
  paragraphs: (t: Translate, args: Record<string, string>) => (string | null)[],
  linkKey: MailKey,
  extra: Record<string, string> = {},
) {
  const t = translator(f.language);
  const quoted = f.title ? t('proposal.titled', { title: f.title }) : t('proposal.untitled');
  const organisers = listText(f.language, f.organisers);
  const proposal = organisers ? t('proposal.by', { proposal: quoted, organisers }) : quoted;
  const args = { summit: f.summit, proposal, ...extra };
  const body = [
    t('mail.hello'),
    t(`proposal.${step}.says` as MailKey, args),
    ...paragraphs(t, args).filter((p): p is string => p !== null && p !== ''),
  ];
  const linkText = t(linkKey);
  const seeIt = `${linkText}:`;
  return {
    subject: t(`proposal.${step}.subject` as MailKey, { title: f.title ?? t(subjectFallback) }),
    text: `${body.join('\n\n')}\n\n${seeIt}\n${f.link}\n`,
    html: html([...body, seeIt], { href: f.link, text: linkText }),
  };
}

const whoText = (t: Translate, who: Who) => who ?? t('proposal.theSupportUnit');
const quote = (t: Translate, note: string | null, who?: Who) =>
  note
    ? `${who === undefined || who === null ? t('proposal.supportUnitWrites') : t('proposal.someoneWrites', { who })}\n\n${note}`
    : null;

export const proposalSubmittedMail = (f: ProposalFacts, late: boolean) =>
  message(
    f,
    'submitted',
    'proposal.aSideEvent',
    (t) => [late ? t('proposal.submitted.late') : null, t('proposal.submitted.next')],
    'proposal.submitted.link',
  );

export const proposalChangesRequestedMail = (f: ProposalFacts, note: string) =>
  message(
    f,
    'changes',
    'proposal.aProposal',
    (t) => [quote(t, note), t('proposal.changes.next')],
    'proposal.changes.link',
  );

export const proposalAcceptedMail = (f: ProposalFacts, note: string | null) =>
  message(
    f,
    'accepted',
    'proposal.aProposal',
    (t) => [t('proposal.accepted.next'), quote(t, note)],
    'proposal.see',
  );

export const proposalRejectedMail = (f: ProposalFacts, note: string | null) =>
  message(f, 'rejected', 'proposal.aProposal', (t) => [quote(t, note)], 'proposal.see');

export const proposalWithdrawnMail = (f: ProposalFacts, who: Who, note: string | null) => {
  const t = translator(f.language);
  return message(f, 'withdrawn', 'proposal.aProposal', () => [quote(t, note, who)], 'proposal.see', {
    who: whoText(t, who),
  });
};

/** The deadline extended until `until` (an instant, written in the summit's zone). */
export const proposalDeadlineExtendedMail = (f: ProposalFacts, until: number) =>
  message(f, 'extended', 'proposal.aProposal', () => [], 'proposal.extended.link', {
    until: momentText(f.language, until, f.timeZone),
  });

/** A message the support unit writes on a proposal, outside any step. */
export const proposalCommentMail = (f: ProposalFacts, note: string) =>
  message(f, 'comment', 'proposal.aProposal', () => [note], 'proposal.comment.link');

/** An organiser's message on a proposal, to the support unit (the link opens it on the review desk). */
export const proposalOrganiserCommentMail = (f: ProposalFacts, who: Who, note: string) => {
  const t = translator(f.language);
  return message(
    f,
    'organiserComment',
    'proposal.aProposal',
    () => [note],
    'proposal.organiserComment.link',
    {
      who: whoText(t, who),
    },
  );
};
