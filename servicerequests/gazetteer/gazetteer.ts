import fs from 'node:fs';
import path from 'node:path';
import { StreetIndex } from './streets';

/** One property, after BS 7666: secondary (flat) and primary (number or name) addressable objects. */
export interface Address {
  uprn: string;
  sao: string;
  paon: string;
  street: string;
  /** The street's Welsh name, where it has one (BS 7666's Welsh street descriptor): "Heol yr Orsaf" for Station Road; else empty. */
  street_cy?: string;
  locality: string;
  town: string;
  postcode: string;
  lat: number;
  long: number;
  ward: string;
  round: string;
}

export const GAZETTEER_FILE = 'addresses.csv';

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell);
  return out;
}

/** Reads a CSV with a header row; lines starting with # are comments. */
export function readCsv(file: string): Record<string, string>[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'));
  const [header, ...rows] = lines;
  if (!header) return [];
  const names = parseCsvLine(header);
  return rows.map((l) => Object.fromEntries(parseCsvLine(l).map((v, i) => [names[i] ?? `col${i}`, v.trim()])));
}

/** "Flat 1, 3 High Street" — the first line residents recognise. */
export function shortAddress(a: Address): string {
  const primary = /^\d/.test(a.paon) ? `${a.paon} ${a.street}` : `${a.paon}, ${a.street}`;
  return a.sao ? `${a.sao}, ${primary}` : primary;
}

export function fullAddress(a: Address): string {
  return [shortAddress(a), a.locality, a.town, a.postcode].filter(Boolean).join(', ');
}

/** The council's address list (a local land and property gazetteer extract): postcode → addresses. */
export class Gazetteer {
  private readonly byPostcodeMap = new Map<string, Address[]>();
  private readonly byUprnMap = new Map<string, Address>();
  readonly districts: Set<string>;
  /** Its streets, for an address given without a postcode ("12 Mill Lane", "6 fenwik rd"). */
  readonly streets: StreetIndex;

  constructor(readonly addresses: Address[]) {
    for (const a of addresses) {
      const list = this.byPostcodeMap.get(a.postcode) ?? [];
      list.push(a);
      this.byPostcodeMap.set(a.postcode, list);
      this.byUprnMap.set(a.uprn, a);
    }
    this.districts = new Set(addresses.map((a) => a.postcode.split(' ')[0]));
    this.streets = new StreetIndex(addresses);
  }

  static load(dir: string): Gazetteer {
    const rows = readCsv(path.join(dir, GAZETTEER_FILE));
    return new Gazetteer(
      rows.map((r) => ({
        uprn: r.uprn,
        sao: r.sao ?? '',
        paon: r.paon ?? '',
        street: r.street ?? '',
        street_cy: r.street_cy ?? '',
        locality: r.locality ?? '',
        town: r.town ?? '',
        postcode: r.postcode,
        lat: Number(r.lat),
        long: Number(r.long),
        ward: r.ward ?? '',
        round: r.waste_round ?? '',
      })),
    );
  }

  /** Addresses at a (normalised) postcode, in street-number order. */
  byPostcode(postcode: string): Address[] {
    return this.byPostcodeMap.get(postcode.toUpperCase()) ?? [];
  }

  byUprn(uprn: string): Address | undefined {
    return this.byUprnMap.get(uprn);
  }

  /** True when the postcode district (e.g. "AT3") is one the council serves. */
  serves(outward: string): boolean {
    return this.districts.has(outward.toUpperCase());
  }
}
