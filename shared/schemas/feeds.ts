// Calendar feeds (docs/feeds.md): what a caller asks for, and what they are given.
import { z } from 'zod';
import { keySchema } from './summit-file.ts';

export const feedBodySchema = z.union([
  z.strictObject({ delegation: keySchema.describe('a delegation’s published sessions') }),
  z.strictObject({ person: keySchema.describe('a person’s published sessions') }),
]);
export type FeedBody = z.output<typeof feedBodySchema>;

export const feedViewSchema = z.object({
  id: z.int(),
  summit: z.object({ slug: z.string(), name: z.string() }),
  scope: z.enum(['delegation', 'person']),
  key: z.string(),
  /** The delegation's or person's name. */
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const newFeedSchema = feedViewSchema.extend({
  url: z.string().describe('the feed over https; shown once: only its hash is kept'),
  webcal: z.string().describe('the same as a webcal:// link, which calendar apps subscribe to'),
});
export const feedIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
export const feedTokenParams = z.object({ token: z.string().min(20).max(100) });
