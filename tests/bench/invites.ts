// A release's invitations (issue 12: a release touching 500 sessions × 10 attendees queued in < 2 s):
// 500 published sessions, each with 10 people committed to it; the first release invites all of
// them, then every session moves and each later release sends 5,000 updates, all in one
// transaction as publishing does (the publish gate itself is measured by the conflicts bench).
import { sql } from 'drizzle-orm';
import { findSummit } from '../../server/core/summit-context.ts';
import type { Database } from '../../server/db/client.ts';
import { sessions } from '../../server/db/schema.ts';
import { makeRelease } from '../../server/modules/invites/invites.service.ts';
import { createMailer } from '../../server/modules/mail/mailer.ts';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';

const SESSIONS = 500;
const ATTENDEES = 10;
const ROOMS = 50;
const RUNS = 5;
const pad = (n: number) => String(n).padStart(2, '0');

function file(): SummitFileInput {
  return {
    format: 'summit/1',
    summit: {
      slug: 'bench-invites',
      name: 'Invitations bench',
      venue: 'Palmeira Resorts, Marrakesh',
      timeZone: 'Africa/Casablanca',
      startDate: '2018-12-05',
      endDate: '2018-12-07',
    },
    rooms: Array.from({ length: ROOMS }, (_, i) => ({
      key: `r${i}`,
      name: `Room ${i}`,
      capacity: 100,
      building: 'Centre',
    })),
    delegations: [{ key: 'D', name: 'Delegation', kind: 'member_state', size: SESSIONS * ATTENDEES }],
    people: Array.from({ length: SESSIONS * ATTENDEES }, (_, i) => ({
      key: `p${i}`,
      name: `Person ${i}`,
      email: `person.${i}@example.org`,
      delegation: 'D',
    })),
    sessions: Array.from({ length: SESSIONS }, (_, i) => {
      const hour = 8 + Math.floor(i / ROOMS);
      return {
        key: `s${i}`,
        kind: 'meeting' as const,
        title: `Session ${i}, “a title”; with punctuation`,
        room: `r${i % ROOMS}`,
        start: `2018-12-06T${pad(hour)}:00`,
        end: `2018-12-06T${pad(hour)}:45`,
        status: 'published' as const,
        participants: Array.from({ length: ATTENDEES }, (_, k) => ({
          person: `p${i * ATTENDEES + k}`,
          role: k === 0 ? ('moderator' as const) : ('panellist' as const),
        })),
      };
    }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

export type InviteRow = { measure: string; median: string; spread: string; runs: number; goal: string };

export async function benchInvites(database: Database): Promise<InviteRow[]> {
  const imported = await importSummit(database.db, { kind: 'admin', label: 'bench' }, file(), {
    replace: false,
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const summit = (await findSummit(database.db, 'bench-invites'))!;
  const mailer = createMailer({ delivers: true, publicUrl: 'http://convene.test' });
  const release = async () => {
    const t0 = performance.now();
    const made = await database.db.transaction((tx) => makeRelease(tx, summit, mailer));
    if (made.invitations !== SESSIONS * ATTENDEES) throw new Error(`${made.invitations} invitations`);
    return performance.now() - t0;
  };
  const first = await release();
  const moved: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await database.db.update(sessions).set({
      startAt: sql`${sessions.startAt} + interval '5 minutes'`,
      endAt: sql`${sessions.endAt} + interval '5 minutes'`,
    });
    moved.push(await release());
  }
  const what = `${SESSIONS} sessions × ${ATTENDEES} attendees`;
  return [
    { measure: `first release, ${what} invited`, median: ms(first), spread: '', runs: 1, goal: '' },
    {
      measure: `release of ${what}, every session moved`,
      median: ms(median(moved)),
      spread: `max ${ms(Math.max(...moved))}`,
      runs: RUNS,
      goal: '< 2 s',
    },
  ];
}
