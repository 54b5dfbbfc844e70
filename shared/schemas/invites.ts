// Shapes of the release and RSVP routes (docs/invites.md).
import { z } from 'zod';

export const RSVP_ANSWERS = ['accepted', 'tentative', 'declined'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export const rsvpParams = z.object({ token: z.string().max(2000) });
export const rsvpQuery = z.object({
  answer: z.enum(RSVP_ANSWERS).describe('the answer this link gives; its token is signed for it alone'),
});

export const releaseSchema = z
  .object({
    number: z.number().describe('1 for the first publication, then one more each time'),
    invitations: z.number().describe('invitations and cancellations queued in the outbox by this release'),
  })
  .describe('the release this publication made');

export const releaseStateSchema = z.object({
  state: z
    .enum(['published', 'draft'])
    .describe('published once a release was made or the summit file brought published sessions'),
  published: z.number().describe('sessions published now'),
  lastRelease: z
    .object({
      number: z.number(),
      at: z.string().describe('ISO instant of the release'),
      sessions: z.number().describe('sessions in that release'),
    })
    .nullable(),
  waiting: z
    .number()
    .nullable()
    .describe('placed sessions not yet published (the support unit; null for anyone else)'),
});

export const rsvpSchema = z.object({
  session: z.string(),
  person: z.string(),
  answer: z.enum(RSVP_ANSWERS),
  answeredAt: z.string().describe('ISO instant'),
});
export const rsvpListSchema = z.object({ rsvps: z.array(rsvpSchema) });
