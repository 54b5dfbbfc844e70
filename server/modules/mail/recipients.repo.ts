// Whose language a message is written in (docs/decisions/0019): the language the recipient chose
// for their account, else the one the summit's file gives the person with that address, else
// (left to the caller) the summit's. Mail outside any summit (a sign-in link) reads the person's
// language, or their summit's, in the summit that most recently named them.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import { people, summits, users } from '../../db/schema.ts';

/** The languages known for these addresses (lower case), for a summit or (null) for none. */
export async function languagesOf(
  db: Executor,
  summitId: number | null,
  emails: readonly string[],
): Promise<Map<string, Language>> {
  const found = new Map<string, Language>();
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return found;
  const [chosen, given] = await Promise.all([
    db
      .select({ email: users.email, language: users.language })
      .from(users)
      .where(and(inArray(users.email, wanted), isNotNull(users.language))),
    summitId === null
      ? db
          .select({
            email: sql<string>`lower(${people.email})`,
            language: sql<string>`coalesce(${people.language}, ${summits.language})`,
          })
          .from(people)
          .innerJoin(summits, eq(summits.id, people.summitId))
          .where(inArray(sql`lower(${people.email})`, wanted))
          .orderBy(desc(people.id))
      : db
          .select({ email: sql<string>`lower(${people.email})`, language: people.language })
          .from(people)
          .where(
            and(
              eq(people.summitId, summitId),
              inArray(sql`lower(${people.email})`, wanted),
              isNotNull(people.language),
            ),
          )
          .orderBy(people.id),
  ]);
  for (const r of given) if (!found.has(r.email)) found.set(r.email, r.language as Language);
  for (const r of chosen) found.set(r.email, r.language as Language);
  return found;
}

/** One address's language, else the summit's (else English, for mail outside any summit). */
export async function languageOf(
  db: Executor,
  summit: { id: number; language: Language } | null,
  email: string,
): Promise<Language> {
  const found = await languagesOf(db, summit?.id ?? null, [email]);
  return found.get(email.toLowerCase()) ?? summit?.language ?? 'en';
}
