// The messages a side-event proposal's organisers receive, one per step of its lifecycle. They
// name things as people know them (the summit, the event's title, its organisers), never by key.
import { html } from './templates.ts';

/** What every proposal message says: which event, for which summit, and where to see it. */
export type ProposalFacts = {
  summit: string;
  /** The event's title; a draft may not have one yet. */
  title: string | null;
  /** "Republic of Moldova and ICMPD". */
  organisers: string;
  /** The proposal's page, through sign-in with the recipient's address. */
  link: string;
};

const quoted = (f: ProposalFacts) => (f.title ? `“${f.title}”` : '(not yet titled)');
const byWhom = (f: ProposalFacts) => (f.organisers ? ` by ${f.organisers}` : '');

function message(subject: string, f: ProposalFacts, paragraphs: (string | null)[], linkText: string) {
  const body = ['Hello,', ...paragraphs.filter((p): p is string => p !== null && p !== '')];
  const seeIt = `${linkText}:`;
  return {
    subject,
    text: `${body.join('\n\n')}\n\n${seeIt}\n${f.link}\n`,
    html: html([...body, seeIt], { href: f.link, text: linkText }),
  };
}

const quote = (note: string | null, who = 'The support unit writes') => (note ? `${who}:\n\n${note}` : null);

export const proposalSubmittedMail = (f: ProposalFacts, late: boolean) =>
  message(
    `Proposal received: ${f.title ?? 'side event'}`,
    f,
    [
      `The support unit of ${f.summit} has received the side-event proposal ${quoted(f)}${byWhom(f)}.`,
      late ? 'It came after the deadline, and the support unit has taken it all the same.' : null,
      'It will now be reviewed; you will hear from the support unit by e-mail.',
    ],
    'Read the proposal and follow its review',
  );

export const proposalChangesRequestedMail = (f: ProposalFacts, note: string) =>
  message(
    `Changes requested: ${f.title ?? 'side-event proposal'}`,
    f,
    [
      `The support unit of ${f.summit} asks for changes to the side-event proposal ${quoted(f)}${byWhom(f)} before deciding on it.`,
      quote(note),
      'Change the proposal, then submit it again.',
    ],
    'Change the proposal',
  );

export const proposalAcceptedMail = (f: ProposalFacts, note: string | null) =>
  message(
    `Accepted: ${f.title ?? 'side-event proposal'}`,
    f,
    [
      `The side-event proposal ${quoted(f)}${byWhom(f)} has been accepted for ${f.summit}.`,
      'The support unit will now give the event a room and a time; the proposal’s page will show them.',
      quote(note),
    ],
    'See the proposal',
  );

export const proposalRejectedMail = (f: ProposalFacts, note: string | null) =>
  message(
    `Not accepted: ${f.title ?? 'side-event proposal'}`,
    f,
    [
      `The support unit of ${f.summit} could not accept the side-event proposal ${quoted(f)}${byWhom(f)}.`,
      quote(note),
    ],
    'See the proposal',
  );

export const proposalWithdrawnMail = (f: ProposalFacts, who: string, note: string | null) =>
  message(
    `Withdrawn: ${f.title ?? 'side-event proposal'}`,
    f,
    [
      `The side-event proposal ${quoted(f)}${byWhom(f)} for ${f.summit} has been withdrawn by ${who}.`,
      quote(note, `${who} writes`),
    ],
    'See the proposal',
  );

export const proposalDeadlineExtendedMail = (f: ProposalFacts, until: string) =>
  message(
    `More time to submit: ${f.title ?? 'side-event proposal'}`,
    f,
    [
      `The support unit of ${f.summit} has extended the deadline for the side-event proposal ${quoted(f)}${byWhom(f)}: it can be submitted until ${until}.`,
    ],
    'Complete and submit the proposal',
  );

/** A message the support unit writes on a proposal, outside any step. */
export const proposalCommentMail = (f: ProposalFacts, note: string) =>
  message(
    `Message from the support unit: ${f.title ?? 'side-event proposal'}`,
    f,
    [`The support unit of ${f.summit} writes about the side-event proposal ${quoted(f)}${byWhom(f)}:`, note],
    'Read the proposal and answer',
  );

/** An organiser's message on a proposal, to the support unit (the link opens it on the review desk). */
export const proposalOrganiserCommentMail = (f: ProposalFacts, who: string, note: string) =>
  message(
    `Message from an organiser: ${f.title ?? 'side-event proposal'}`,
    f,
    [`${who} writes about the side-event proposal ${quoted(f)}${byWhom(f)} for ${f.summit}:`, note],
    'Read the proposal on the review desk',
  );
