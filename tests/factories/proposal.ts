// The side-event proposal of seed 003 (GFMD 2018, Marrakesh): the Republic of Moldova and ICMPD,
// "What role for capacity building in turning the Global Compact on Migration into action?", as
// its organisers would enter it in the form. Addresses are example.org, as in the demo summit.
import type { ProposalDraftInput } from '../../shared/schemas/proposal.ts';
import { demoSummitFile } from './summit-file.ts';

export const MOLDOVA_TITLE =
  'What role for capacity building in turning the Global Compact on Migration into action?';

export function moldovaProposal(): ProposalDraftInput {
  return {
    title: MOLDOVA_TITLE,
    organisers: [{ delegation: 'MDA' }, { delegation: 'ICMPD' }],
    contacts: [
      {
        name: 'Daniela Morari',
        title:
          'State Secretary, Ministry of Foreign Affairs and European Integration of the Republic of Moldova',
        email: 'morari@example.org',
      },
      {
        name: 'Oleg Chirita',
        title: 'Programme Coordinator Global Initiatives, ICMPD',
        email: 'chirita@example.org',
      },
      {
        name: 'Laura Zorrilla Fernandez',
        title: 'Knowledge Management and Communications Officer, Migration EU eXpertise',
        email: 'zorrilla@example.org',
      },
    ],
    materials: [
      {
        title:
          'Expert Voice: Capacity building - an enabler of transformations: ten lessons learnt from 10 years of MIEUX',
        url: 'https://www.icmpd.org/news-centre/news-detail/expert-voice-capacity-building-an-enabler-of-transformations-ten-lessons-learnt-from-10-years-of/',
      },
      {
        title: 'MIEUX Annual Report 2017',
        url: 'https://www.mieux-initiative.eu/files/MIEUX%20ANNUAL%20REPORT%202017%20EN%20final%20web.pdf',
      },
    ],
    description:
      'The final version of the GCM foresees the establishment of a capacity building mechanism, building upon existing initiatives that would support efforts of Member States to implement the GCM.\n\n' +
      'Against this backdrop, the side event intends to reflect upon the multi-dimensional and transformative potential of capacity building in enhancing migration governance at various levels.',
    objective:
      "The side event will explore the key elements, success factors and challenges in establishing, delivering and monitoring global capacity building facilities based on the experience of MIEUX and MP, and the role of capacity building in relation to the GCM's implementation and review.",
    expectedResults:
      "The presentations and discussions are expected to move away from the 'business as usual' model to forward-looking solutions on the role of capacity development in the field of migration.",
    format: 'breakfast',
    durationMinutes: 75,
    expectedAttendance: 120,
    requirements: { capacity: 220, equipment: ['projector', 'screen', 'hdmi', 'usb'], microphones: 6 },
    speakers:
      'High level speakers with various professional and institutional backgrounds, from different regions, including countries that have played an active role in the GFMD and the negotiation of the GCM.',
    moderator: {
      name: 'Ms. Daniela Morari',
      title: 'State Secretary for European Integration',
      organisation: 'Ministry of Foreign Affairs and European Integration of the Republic of Moldova',
    },
    panellists: [
      {
        name: 'H.E. Mr. Paul Robert Tiendrebeogo',
        title: 'Minister of African Integration and Burkinabé Abroad',
        organisation: 'Burkina Faso',
        dimension: 'regional dimension',
      },
      {
        name: 'Mr. Alberto Amador Leal',
        title: 'Director of Administration',
        organisation: 'National Institute of Migration of Mexico',
        dimension: 'national dimension',
      },
      {
        name: 'Ms. Souad Zaidi',
        title: 'Deputy Mayor for International Cooperation',
        organisation: 'City of Rabat',
        dimension: 'local dimension',
      },
      {
        name: 'Ms. Camilla Hagström',
        title: 'Deputy Head of Unit B3, Migration and Employment, DG DEVCO',
        organisation: 'European Commission',
      },
      {
        name: 'Mr. Ralph Genetzke',
        title: 'MIEUX Programme Director, Head of the ICMPD Brussels Mission',
        organisation: 'ICMPD',
      },
    ],
    programme: [
      { minutes: 10, item: 'Opening and introduction by the Chair: Ms. Daniela Morari' },
      {
        minutes: 25,
        item: 'Session I: What role for capacity building in implementing the GCM at regional, central and local levels?\nBurkina Faso, Mexico and Morocco – approx. 8 minutes each',
      },
      { minutes: 5, item: 'Interaction with the audience (voting exercise)' },
      {
        minutes: 20,
        item: "Session II: What role for donors and international organisations in supporting and delivering capacity building in the GCM's context\nEuropean Commission DG DEVCO – 10 minutes\nICMPD – 10 minutes",
      },
      { minutes: 15, item: 'Conclusions by the Chair and Q&A' },
    ],
    preferredStarts: ['2018-12-07T08:30'],
  };
}

/**
 * The demo summit without the Moldova/ICMPD side event, which the proposal is to bring, and with a
 * proposal deadline. Moldova sends a third delegate, so that the event fits beside its two other
 * commitments of Friday morning (with two, placement rightly finds no time for it).
 */
export function summitAwaitingProposals(deadline: string) {
  const file = demoSummitFile();
  return {
    ...file,
    summit: { ...file.summit, proposalDeadline: deadline },
    delegations: file.delegations!.map((d) => (d.key === 'MDA' ? { ...d, size: 3 } : d)),
    sessions: file.sessions!.filter((s) => s.key !== 'se-capacity-building'),
  };
}
