// Who reads the outbox: administrators all of it, a summit's support unit that summit's messages.
// A message carrying a sign-in link shows its body only while no mail server is configured (the
// support unit then passes links on by hand); once handed to a mail server the link stays secret.
import { type Actor, isAdmin } from '../../core/actor.ts';
import type { SummitRoles } from '../../core/roles.ts';
import type { OutboxRow } from './outbox.repo.ts';

export const mailPolicy = {
  mayReadAll: (actor: Actor) => isAdmin(actor),
  mayReadSummit: (roles: SummitRoles) => roles.supportUnit,
  showsBody: (m: Pick<OutboxRow, 'secret' | 'status'>) => !m.secret || m.status === 'held',
};
