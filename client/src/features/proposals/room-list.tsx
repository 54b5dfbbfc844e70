// Beside a proposal on the review desk: the summit's rooms that can hold it, and what each other
// room lacks.
import { ScrollBox } from '../../components/scroll-box.tsx';
import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { type Translate, useI18n } from '../../lib/i18n.tsx';
import { listQuery } from '../programme/api.ts';
import type { ProposalView } from './api.ts';
import { needsOf, roomsFor, type Shortfall } from './room-fit.ts';
import { EQUIPMENT_NAMES } from './sections-logistics.tsx';

function lacks(t: Translate, s: Shortfall): string {
  switch (s.kind) {
    case 'seats':
      return t('rooms.lacksSeats', { has: s.has, needs: s.needs });
    case 'microphones':
      return t('rooms.lacksMicrophones', { has: s.has, needs: s.needs });
    case 'equipment':
      return t('rooms.lacksEquipment', { missing: s.missing.map((e) => t(EQUIPMENT_NAMES[e])).join(', ') });
  }
}

export function RoomsForProposal({ slug, proposal }: { slug: string; proposal: ProposalView }) {
  const { t } = useI18n();
  const rooms = useQuery(listQuery(slug, 'rooms'));
  const needs = needsOf(proposal);
  return (
    <section aria-labelledby="rooms-fit" className="rooms-fit">
      <h2 id="rooms-fit">{t('rooms.title')}</h2>
      <p>
        {t('rooms.needs', {
          seats: needs.seats,
          microphones: needs.microphones,
          equipment: needs.equipment.map((e) => t(EQUIPMENT_NAMES[e])).join(', ') || t('rooms.noEquipment'),
        })}
      </p>
      <Await query={rooms}>
        {(list) => {
          const { fit, short } = roomsFor(list, needs);
          return (
            <>
              {fit.length === 0 ? (
                <p>{t('rooms.none')}</p>
              ) : (
                <ScrollBox label={t('rooms.tableBox')}>
                  <table className="data-table">
                    <caption className="visually-hidden">{t('rooms.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('rooms.room')}</th>
                        <th scope="col">{t('rooms.seats')}</th>
                        <th scope="col">{t('proposal.equipment')}</th>
                        <th scope="col">{t('proposal.microphones')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {fit.map((r) => (
                        <tr key={r.key}>
                          <th scope="row">{r.name}</th>
                          <td>{r.capacity}</td>
                          <td>{r.equipment.map((e) => t(EQUIPMENT_NAMES[e])).join(', ')}</td>
                          <td>{r.microphones}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
              )}
              {short.length > 0 && (
                <details>
                  <summary>{t('rooms.others', { count: short.length })}</summary>
                  <ul>
                    {short.map(({ room, shortfalls }) => (
                      <li key={room.key}>
                        {room.name}: {shortfalls.map((s) => lacks(t, s)).join('; ')}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </Await>
    </section>
  );
}
