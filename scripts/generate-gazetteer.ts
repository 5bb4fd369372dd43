/**
 * Generates the Anytown gazetteer (gazetteer/addresses.csv) from a fixed seed, so the same
 * data comes out every time:  npx tsx scripts/generate-gazetteer.ts [seed] [output file]
 * Anytown is fictional: postcodes AT1–AT9, UPRNs in a made-up range, coordinates around a
 * made-up town centre. Every address gets a ward and a waste round (see waste/rounds.yaml).
 *
 * Columns: uprn, sao (flat), paon (number or name), street, street_cy, locality, town, postcode,
 * lat, long, ward, waste_round. `street` is the name the back office knows; `street_cy` is the
 * street's Welsh name where it has one (BS 7666 and the National Address Gazetteer hold a Welsh
 * street descriptor beside the English one), empty where it has none or the street is named only
 * in Welsh (Heol y Castell). Residents may name a street either way ("2 Heol yr Orsaf" is
 * 2 Station Road). A Welsh name must start with a Welsh street type (Heol, Ffordd, Stryd, Lôn,
 * Rhodfa, Cilgant, Clos, Maes, Allt… intents/entities/welshStreets.ts) and may not be another
 * street's name in the same town: `npm run validate` checks both (gazetteerProblems). A council
 * loading its own LLPG extract fills street_cy from the gazetteer's Welsh street descriptor.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Address as GazetteerAddress } from '../servicerequests/gazetteer/gazetteer';

const SEED = Number(process.argv[2] ?? 20261126);
const OUT = path.resolve(process.argv[3] ?? path.join(__dirname, '..', 'gazetteer', 'addresses.csv'));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
/** The Welsh-named streets have their own sequence, so every row generated before them stays as it was. */
const welshRandom = mulberry32(SEED + 1);
const pick = <T>(items: readonly T[], rng = random): T => items[Math.floor(rng() * items.length)];
const between = (lo: number, hi: number, rng = random) => lo + Math.floor(rng() * (hi - lo + 1));

/** District → ward names, streets, and the weekday its crews collect on. */
const DISTRICTS: Array<{ district: string; wards: string[]; streets: string[]; day: string; centre: [number, number] }> = [
  {
    district: 'AT1',
    wards: ['Castle', 'Market'],
    streets: ['High Street', 'Market Place', 'Church Lane', 'Bridge Street', 'Castle Hill'],
    day: 'MON',
    centre: [52.2053, -1.1051],
  },
  {
    district: 'AT2',
    wards: ['Northgate'],
    streets: ['Station Road', 'North Road', 'Victoria Avenue', 'Albert Street'],
    day: 'MON',
    centre: [52.2141, -1.1032],
  },
  {
    district: 'AT3',
    wards: ['Eastfield', 'Meadows'],
    streets: ['Mill Lane', 'Meadow Way', 'Orchard Close', 'Eastfield Road'],
    day: 'TUE',
    centre: [52.2069, -1.0902],
  },
  { district: 'AT4', wards: ['Southbank'], streets: ['London Road', 'Riverside Walk', 'Wharf Street', 'Ferry Lane'], day: 'TUE', centre: [52.1962, -1.1015] },
  {
    district: 'AT5',
    wards: ['Westbrook', 'Park'],
    streets: ['Park Road', 'Westbrook Drive', 'Elm Grove', 'Beech Avenue'],
    day: 'WED',
    centre: [52.2031, -1.1213],
  },
  { district: 'AT6', wards: ['Hillside'], streets: ['Hill Rise', 'Windmill Road', 'Quarry Lane', 'Summit View'], day: 'WED', centre: [52.2188, -1.1178] },
  { district: 'AT7', wards: ['Oakley'], streets: ['Oakley Road', 'Acorn Close', 'Forest Way', 'Green Lane'], day: 'THU', centre: [52.2242, -1.0876] },
  {
    district: 'AT8',
    wards: ['Brookside', 'Fenwick'],
    streets: ['Brook Street', 'Fenwick Road', 'Willow Crescent', 'Kingfisher Way'],
    day: 'THU',
    centre: [52.1891, -1.0834],
  },
  {
    district: 'AT9',
    wards: ['Little Anton'],
    streets: ['The Green', 'School Lane', 'Manor Farm Road', 'Vicarage Close'],
    day: 'FRI',
    centre: [52.2317, -1.1321],
  },
];
/**
 * Welsh-named streets (issue 21), appended after every other row: the street type comes first
 * (Heol y Castell), some are written with accents (Lôn Goed, Rhodfa'r Môr). Each joins a district,
 * ward and collection day above, in a postcode sector of its own (4 or 5).
 */
const WELSH_STREETS: Array<{ district: string; street: string; ward: string; round: string; sector: number }> = [
  { district: 'AT1', street: 'Heol y Castell', ward: 'Castle', round: 'MON-A', sector: 4 },
  { district: 'AT1', street: 'Stryd Fawr', ward: 'Market', round: 'MON-B', sector: 4 },
  { district: 'AT2', street: 'Ffordd yr Orsaf', ward: 'Northgate', round: 'MON-B', sector: 4 },
  { district: 'AT4', street: "Rhodfa'r Môr", ward: 'Southbank', round: 'TUE-A', sector: 4 },
  { district: 'AT7', street: 'Lôn Goed', ward: 'Oakley', round: 'THU-A', sector: 4 },
  { district: 'AT7', street: 'Cilgant y Dderwen', ward: 'Oakley', round: 'THU-B', sector: 5 },
];
/**
 * Welsh names of the English-named streets above (the `street_cy` column). Not every street has
 * one. None repeats a Welsh-only street's name: Station Road is Heol yr Orsaf, as Ffordd yr
 * Orsaf is a street of its own in AT2; High Street is Heol Fawr, as Stryd Fawr is one in AT1.
 */
const WELSH_NAMES: Record<string, string> = {
  'High Street': 'Heol Fawr',
  'Market Place': 'Maes y Farchnad',
  'Church Lane': 'Lôn yr Eglwys',
  'Bridge Street': 'Stryd y Bont',
  'Castle Hill': 'Allt y Castell',
  'Station Road': 'Heol yr Orsaf',
  'North Road': 'Ffordd y Gogledd',
  'Victoria Avenue': 'Rhodfa Victoria',
  'Albert Street': 'Stryd Albert',
  'Mill Lane': 'Lôn y Felin',
  'Meadow Way': 'Ffordd y Ddôl',
  'Orchard Close': 'Clos y Berllan',
  'London Road': 'Ffordd Llundain',
  'Riverside Walk': 'Rhodfa Glan yr Afon',
  'Wharf Street': 'Stryd y Cei',
  'Ferry Lane': 'Lôn y Fferi',
  'Park Road': 'Heol y Parc',
  'Beech Avenue': "Rhodfa'r Ffawydd",
  'Windmill Road': 'Heol y Felin Wynt',
  'Quarry Lane': 'Lôn y Chwarel',
  'Acorn Close': 'Clos y Fesen',
  'Forest Way': 'Ffordd y Goedwig',
  'Green Lane': 'Lôn Werdd',
  'Brook Street': 'Stryd y Nant',
  'Willow Crescent': 'Cilgant yr Helyg',
  'School Lane': 'Lôn yr Ysgol',
};
/** Postcodes that documentation and tests refer to. */
const FIXED_POSTCODES: Record<string, string> = { 'AT1 High Street': 'AT1 1AA', 'AT1 Market Place': 'AT1 2BD' };
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const HOUSE_NAMES = ['Rose Cottage', 'The Old Forge', 'Holly House', 'Orchard View', 'The Laurels', 'Fern Lodge'];

/** The gazetteer's own row type, with coordinates kept as the fixed-precision text written to the CSV. */
type Address = Omit<GazetteerAddress, 'lat' | 'long'> & { lat: string; long: string };

const addresses: Address[] = [];
const usedPostcodes = new Set<string>();
let uprn = 100070000001;

function postcodeFor(district: string, sector: number, rng = random): string {
  for (;;) {
    const code = `${district} ${sector}${pick([...INWARD_LETTERS], rng)}${pick([...INWARD_LETTERS], rng)}`;
    if (!usedPostcodes.has(code)) {
      usedPostcodes.add(code);
      return code;
    }
  }
}

/** One street's houses, in two postcodes, along a line out from the district's centre. */
function addStreet(d: (typeof DISTRICTS)[number], street: string, ward: string, round: string, sector: number, rng: () => number): void {
  const fixed = FIXED_POSTCODES[`${d.district} ${street}`];
  if (fixed) usedPostcodes.add(fixed);
  const postcodes = [fixed ?? postcodeFor(d.district, sector, rng), postcodeFor(d.district, sector, rng)];
  const count = between(7, 10, rng);
  const [lat0, long0] = d.centre;
  const angle = rng() * Math.PI * 2;
  for (let i = 0; i < count * postcodes.length; i++) {
    const postcode = postcodes[Math.floor(i / count)];
    const number = i + 1;
    const flats = street === 'High Street' && number === 3;
    const named = !flats && rng() < 0.04;
    const base: Omit<Address, 'uprn' | 'sao'> = {
      paon: named ? pick(HOUSE_NAMES, rng) : String(number),
      street,
      street_cy: WELSH_NAMES[street] ?? '',
      locality: d.district === 'AT9' ? 'Little Anton' : '',
      town: 'Anytown',
      postcode,
      lat: (lat0 + Math.sin(angle) * 0.0004 * i + (rng() - 0.5) * 0.0003).toFixed(6),
      long: (long0 + Math.cos(angle) * 0.0006 * i + (rng() - 0.5) * 0.0004).toFixed(6),
      ward,
      round,
    };
    if (flats) {
      for (const flat of ['Flat 1', 'Flat 2', 'Flat 3']) addresses.push({ ...base, uprn: String(uprn++), sao: flat });
    } else {
      addresses.push({ ...base, uprn: String(uprn++), sao: '' });
    }
  }
}

for (const d of DISTRICTS) {
  d.streets.forEach((street, streetIndex) => {
    // Alternate weeks: streets in the same district share a day but not a week.
    addStreet(d, street, d.wards[streetIndex % d.wards.length], `${d.day}-${streetIndex % 2 === 0 ? 'A' : 'B'}`, 1 + (streetIndex % 3), random);
  });
}
for (const w of WELSH_STREETS) {
  const d = DISTRICTS.find((x) => x.district === w.district);
  if (!d) throw new Error(`${w.street}: no district ${w.district}`);
  addStreet(d, w.street, w.ward, w.round, w.sector, welshRandom);
}

const header = ['uprn', 'sao', 'paon', 'street', 'street_cy', 'locality', 'town', 'postcode', 'lat', 'long', 'ward', 'waste_round'];
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = [
  `# Anytown gazetteer (fictional). Generated by scripts/generate-gazetteer.ts with seed ${SEED}; edit the script, not this file.`,
  header.join(','),
  ...addresses.map((a) =>
    [a.uprn, a.sao, a.paon, a.street, a.street_cy ?? '', a.locality, a.town, a.postcode, a.lat, a.long, a.ward, a.round].map(csvCell).join(','),
  ),
];
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${addresses.length} addresses in ${usedPostcodes.size} postcodes to ${path.relative(process.cwd(), OUT)}\n`);
