// A session as a release records it, and the people it invites, for the invitation tests.
import type { Attendee, ReleasedSession } from '../../server/modules/invites/release.ts';

export const MORARI: Attendee = {
  key: 'p-morari',
  name: 'Daniela Morari',
  email: 'd.morari@example.org',
  roles: ['moderator'],
};
export const CHEN: Attendee = {
  key: 'p-chen',
  name: 'Chen Wei',
  email: 'chen.wei@example.org',
  roles: ['organiser'],
};

/** "RT 1.2", Friday 7 December 2018, 10:00–11:30 in Marrakesh. */
export const releasedRoundtable = (attendees: Attendee[] = [CHEN, MORARI]): ReleasedSession => ({
  key: 'rt-1-2',
  title: 'RT 1.2',
  start: Date.UTC(2018, 11, 7, 9),
  end: Date.UTC(2018, 11, 7, 10, 30),
  room: 'Orangeraie Room',
  building: 'Palmeraie Conference Centre',
  venue: 'Palmeira Resorts, Marrakesh',
  attendees,
});
