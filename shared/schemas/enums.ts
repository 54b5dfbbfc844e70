import { z } from 'zod';
import { withCode } from './fields.ts';
import {
  DELEGATION_KINDS,
  EQUIPMENT,
  LANGUAGES,
  ROLES,
  SEGMENT_KINDS,
  SESSION_KINDS,
  SESSION_STATUSES,
} from '../domain/vocabulary.ts';
import { isLanguageCode } from '../domain/languages.ts';

export * from '../domain/vocabulary.ts';

export const equipmentSchema = z.enum(EQUIPMENT);
export const segmentKindSchema = z.enum(SEGMENT_KINDS);
export const delegationKindSchema = z.enum(DELEGATION_KINDS);
export const sessionKindSchema = z.enum(SESSION_KINDS);
export const roleSchema = z.enum(ROLES);
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
/** A language Convene speaks (pages, e-mail): en, fr or es. */
export const languageSchema = z.enum(LANGUAGES, { error: 'expected a language: en, fr or es' });
/** A language a session is held in or interpreted into: any ISO 639-1 code. */
export const languageCodeSchema = z
  .string()
  .refine(
    isLanguageCode,
    withCode('expected an ISO 639-1 language code such as "en", "fr" or "es"', 'languageCode'),
  );
