// Sign-in, the caller, API tokens and the roles the support unit gives: request and response shapes
// shared by the routes (validation and OpenAPI) and the client (types and forms).
import { z } from 'zod';
import { GRANTED_ROLES, LANGUAGES } from '../domain/vocabulary.ts';
import { languageSchema } from './enums.ts';
import { plainLine, singleLine } from './fields.ts';
import { keySchema } from './summit-file.ts';

/** An instant as JSON carries it. */
const instant = z.iso.datetime({ offset: true });

export const linkRequestSchema = z.strictObject({
  email: z.email().max(320),
  next: plainLine(500).optional(),
});
export const tokenBodySchema = z.strictObject({ token: plainLine(200).min(10) });
export const signedInSchema = z.object({ next: z.string().nullable(), csrfToken: z.string() });

export const SUMMIT_ROLE_NAMES = [
  'support_unit',
  'focal_point',
  'delegate',
  'organiser',
  'marketplace_owner',
  'marketplace_provider',
  'marketplace_visitor',
  'visitor',
] as const;
export type SummitRoleName = (typeof SUMMIT_ROLE_NAMES)[number];

export const meSchema = z.object({
  kind: z.enum(['anonymous', 'admin', 'user']),
  email: z.string().nullable(),
  admin: z.boolean(),
  language: z
    .enum(LANGUAGES)
    .nullable()
    .describe('the language the person chose for Convene and its mail (null: none chosen)'),
  csrfToken: z
    .string()
    .nullable()
    .describe('send it as X-CSRF-Token with every write made with the session cookie'),
  summits: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      roles: z.array(z.enum(SUMMIT_ROLE_NAMES)),
      delegations: z.array(z.string()),
      people: z.array(z.string()),
    }),
  ),
});
export type Me = z.output<typeof meSchema>;
/** What a signed-in person may change of their own account: the language they read (null forgets it). */
export const meUpdateSchema = z.strictObject({ language: languageSchema.nullable() });

export const apiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
  email: z.string().nullable(),
});
export type ApiToken = z.output<typeof apiTokenSchema>;
export const newTokenBodySchema = z.strictObject({ name: singleLine(100, { required: true }) });
export const newTokenSchema = z.object({ id: z.number(), name: z.string(), token: z.string() });

export const grantSchema = z.object({
  id: z.number(),
  userId: z.number(),
  email: z.string(),
  role: z.enum(GRANTED_ROLES),
  delegation: z.string().nullable(),
});
export type Grant = z.output<typeof grantSchema>;
export const grantBodySchema = z.strictObject({
  email: z.email().max(320),
  role: z.enum(GRANTED_ROLES),
  delegation: keySchema.optional(),
  invite: z.boolean().default(true).describe('send an invitation e-mail'),
});
export type GrantBody = z.input<typeof grantBodySchema>;
