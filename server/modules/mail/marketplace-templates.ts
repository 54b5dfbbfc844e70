// The messages of the Marketplace: a request to a need's owner; the answer (accepted, declined,
// cancelled) to the provider who asked. Names and times as people know them, never keys.
import { html } from './templates.ts';

export type ConsultationFacts = {
  summit: string;
  need: string;
  owner: string;
  providers: string;
  /** "at Table 1 on Thu 6 Dec 11:45–12:15", or where a slot is still to be set, saying so. */
  at: string;
  /** "Thu 6 Dec 11:45–12:15", in the summit's zone; null before a slot is set. */
  when: string | null;
  link: string;
};

const EVENTS = {
  requested: {
    subject: 'Consultation requested',
    says: (f: ConsultationFacts) =>
      `${f.providers} asks for a consultation with ${f.owner} on the need “${f.need}”, ${f.at}, at the Marketplace of ${f.summit}.`,
    next: 'The slot is held for you until you accept or decline the request, or it expires.',
    linkText: 'Accept or decline the request',
  },
  accepted: {
    subject: 'Consultation accepted',
    says: (f: ConsultationFacts) =>
      `${f.owner} has accepted the consultation on “${f.need}” with ${f.providers}, ${f.at}, at the Marketplace of ${f.summit}.`,
    next: 'It is now in your delegation’s agenda.',
    linkText: 'See the consultation',
  },
  declined: {
    subject: 'Consultation declined',
    says: (f: ConsultationFacts) =>
      `${f.owner} has declined the consultation on “${f.need}” requested by ${f.providers}${f.when ? ` for ${f.when}` : ''}.`,
    next: 'The slot is free again; you may ask for another.',
    linkText: 'See the need and its other slots',
  },
  cancelled: {
    subject: 'Consultation cancelled',
    says: (f: ConsultationFacts) =>
      `The consultation on “${f.need}” between ${f.owner} and ${f.providers}, ${f.at}, has been cancelled.`,
    next: 'Its slot is free again.',
    linkText: 'See the Marketplace',
  },
  scheduled: {
    subject: 'Consultation scheduled',
    says: (f: ConsultationFacts) =>
      `The support unit has scheduled the consultation on “${f.need}” between ${f.owner} and ${f.providers} ${f.at}, at the Marketplace of ${f.summit}.`,
    next: 'It is now in your delegation’s agenda.',
    linkText: 'See the consultation',
  },
} as const;

export type ConsultationEvent = keyof typeof EVENTS;

export function consultationMail(event: ConsultationEvent, f: ConsultationFacts) {
  const e = EVENTS[event];
  const body = ['Hello,', e.says(f), e.next];
  const seeIt = `${e.linkText}:`;
  return {
    subject: `${e.subject}: ${f.need}`,
    text: `${body.join('\n\n')}\n\n${seeIt}\n${f.link}\n`,
    html: html([...body, seeIt], { href: f.link, text: e.linkText }),
  };
}
