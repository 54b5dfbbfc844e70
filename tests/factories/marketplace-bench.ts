// A generated summit for the Marketplace booking rush (tests/bench/marketplace.ts): 200 provider
// delegations of 1–5 (one person each, with an address), 40 owner delegations with two needs each,
// 20 tables, and 30-minute slots: 09:00–19:00 on the first Marketplace day (20 tables × 20 = 400
// slots for the throughput phase) and 08:00–20:00 on three more days (1,440 fresh slots for the
// latency phase). Deterministic for a seed.
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { random } from './large-summit.ts';

export const BENCH_MARKET_SLUG = 'gfmd-2099-rush';
export const BENCH_TABLES = 20;
/** The first Marketplace day (wall clock in the summit's zone): the throughput phase's slots. */
export const THROUGHPUT_DAY = '2099-12-07';

const COUNTRIES = [
  'Morocco',
  'Germany',
  'Mexico',
  'Philippines',
  'Ecuador',
  'Bangladesh',
  'Sweden',
  'Switzerland',
  'Turkey',
  'Ghana',
  'Senegal',
  'Nigeria',
  'Kenya',
  'Ethiopia',
  'Tunisia',
  'The Gambia',
  'Moldova',
  'Georgia',
  'Armenia',
  'Kyrgyzstan',
  'Sri Lanka',
  'Nepal',
  'Indonesia',
  'Viet Nam',
  'Colombia',
  'Guatemala',
  'El Salvador',
  'Honduras',
  'Jamaica',
  'Haiti',
  'Canada',
  'France',
  'Italy',
  'Spain',
  'Portugal',
  'Belgium',
  'Netherlands',
  'Ireland',
  'Mali',
  'Niger',
  'Egypt',
  'Jordan',
  'Lebanon',
  'Pakistan',
  'India',
  'Fiji',
  'Samoa',
  'Australia',
  'New Zealand',
  'Brazil',
  'Argentina',
  'Chile',
  'Peru',
  'Uruguay',
  'Côte d’Ivoire',
  'Cameroon',
  'Uganda',
  'Rwanda',
  'Zambia',
  'Zimbabwe',
] as const;
const ORGANISATIONS = [
  'IOM',
  'ICMPD',
  'UNHCR',
  'ILO',
  'UNDP',
  'UNICEF',
  'OECD',
  'World Bank',
  'IFAD',
  'UN Women',
  'OHCHR',
  'UNODC',
  'African Union',
  'ECOWAS',
  'IGAD',
  'Mayors Migration Council',
] as const;
const CIVIL_SOCIETY = [
  'Migrant Forum in Asia',
  'PICUM',
  'Cities Alliance',
  'Diaspora Development Network',
  'Returnee Support Collective',
  'Remittance Access Initiative',
  'Labour Mobility Partnership',
  'Youth Migration Lab',
  'Women on the Move',
  'Skills Without Borders',
] as const;
const NEEDS = [
  ['Diaspora engagement strategy', 19],
  ['Reintegration of returnees', 21],
  ['Remittance costs below 3 %', 20],
  ['Fair recruitment of seasonal workers', 6],
  ['Skills recognition for returning migrants', 18],
  ['Migration data for the census', 1],
  ['Border management and human rights', 11],
  ['Consular protection abroad', 14],
] as const;

type Delegation = NonNullable<SummitFileInput['delegations']>[number];

export function marketplaceBenchFile(seed = 11, providers = 200, owners = 40): SummitFileInput {
  const rnd = random(seed);
  const ownerDelegations: Delegation[] = Array.from({ length: owners }, (_, i) => ({
    key: `O${i}`,
    name: COUNTRIES[i % COUNTRIES.length]!,
    kind: 'member_state',
    size: 3 + Math.floor(rnd() * 6),
  }));
  // Providers: the remaining states, then organisations and civil society, numbered once the names run out.
  const names: [string, Delegation['kind']][] = [
    ...COUNTRIES.slice(owners).map((n) => [n, 'member_state'] as [string, Delegation['kind']]),
    ...ORGANISATIONS.map((n) => [n, 'international_organisation'] as [string, Delegation['kind']]),
    ...CIVIL_SOCIETY.map((n) => [n, 'civil_society'] as [string, Delegation['kind']]),
  ];
  const providerDelegations: Delegation[] = Array.from({ length: providers }, (_, i) => {
    const [name, kind] = names[i % names.length]!;
    const round = Math.floor(i / names.length);
    return {
      key: `P${i}`,
      name: round === 0 ? name : `${name} (${round + 1})`,
      kind,
      size: 1 + Math.floor(rnd() * 5),
    };
  });
  const day = (n: number) => new Date(Date.UTC(2099, 11, 7 + n)).toISOString().slice(0, 10);
  const segments = [0, 1, 2, 3].map((n) => ({
    key: `mp-${n + 1}`,
    kind: 'marketplace' as const,
    title: `Marketplace, day ${n + 1}`,
    start: `${day(n)}T${n === 0 ? '09:00' : '08:00'}`,
    end: `${day(n)}T${n === 0 ? '19:00' : '20:00'}`,
  }));
  const focalPoint = (d: Delegation, i: number) => ({
    key: `p-${d.key}`,
    name: `Focal point ${i + 1} of ${d.name}`,
    email: `focal.${d.key.toLowerCase()}@rush.example`,
    delegation: d.key,
  });
  return {
    format: 'summit/1',
    summit: {
      slug: BENCH_MARKET_SLUG,
      name: 'GFMD 2099 Summit',
      theme: 'Partnerships for migration and development',
      venue: 'Palmeira Resorts, Marrakesh',
      timeZone: 'Africa/Casablanca',
      startDate: day(0),
      endDate: day(3),
    },
    rooms: Array.from({ length: BENCH_TABLES }, (_, i) => ({
      key: `table-${i + 1}`,
      name: `Table ${i + 1}`,
      capacity: 12,
    })),
    segments,
    delegations: [...ownerDelegations, ...providerDelegations],
    // A focal point for each delegation: the providers sign in with theirs; each booking mails the
    // owner's, in the owner's language, as every real one does.
    people: [
      ...providerDelegations.map(focalPoint),
      ...ownerDelegations.map((d, i) => ({
        ...focalPoint(d, i),
        ...(i % 3 === 1 && { language: 'fr' as const }),
        ...(i % 3 === 2 && { language: 'es' as const }),
      })),
    ],
    sessions: [],
    marketplace: {
      slotMinutes: 30,
      tables: Array.from({ length: BENCH_TABLES }, (_, i) => `table-${i + 1}`),
      segments: segments.map((s) => s.key),
      needs: ownerDelegations.flatMap((o, i) =>
        [0, 1].map((k) => {
          const [title, objective] = NEEDS[(i * 2 + k) % NEEDS.length]!;
          return {
            key: `need-${o.key}-${k + 1}`,
            owner: o.key,
            title: `${title} (${o.name})`,
            objectives: [objective],
            assistance: [k === 0 ? 'technical' : 'financial'] as ('technical' | 'financial')[],
          };
        }),
      ),
    },
  };
}

/** The e-mail address of provider i's one person. */
export const providerEmail = (i: number) => `focal.p${i}@rush.example`;
