import type { Entity } from './recognizer';

/** An entity as the CLU client library returns it (the wire's confidenceScore is `confidence`). */
export interface CluEntity {
  category: string;
  text: string;
  offset: number;
  length: number;
  confidence?: number;
  extraInformation?: Array<{ extraInformationKind?: string; key?: string }>;
}

export interface EntitySource {
  extract(text: string): Entity[];
}

/**
 * CLU entity categories (our exported names, the usual prebuilt and learned names) → our entity
 * types. Keys are lower case with everything but letters and digits removed.
 */
const CATEGORY_TO_TYPE: Record<string, string> = {
  postcode: 'postcode',
  postalcode: 'postcode',
  ukpostcode: 'postcode',
  zipcode: 'postcode',
  postcodeoutward: 'postcodeOutward',
  casereference: 'caseReference',
  caseref: 'caseReference',
  casenumber: 'caseReference',
  referencenumber: 'caseReference',
  date: 'date',
  datetime: 'date',
  datetimev2: 'date',
  day: 'date',
  bintype: 'binType',
  bin: 'binType',
  container: 'binType',
  housenumber: 'houseNumber',
  buildingnumber: 'houseNumber',
  flat: 'flat',
  street: 'street',
  streetname: 'street',
  road: 'street',
};

/** Our entity type for a CLU category, or undefined when we have none (such entities are dropped). */
export function entityTypeOf(category: string): string | undefined {
  return CATEGORY_TO_TYPE[category.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

/**
 * Maps CLU's entities to ours. Values are normalised the way our own extractor does it where it
 * recognises the same words (e.g. "AT1 1AA", an ISO date); a list entity's canonical key is used
 * next; the words themselves last. Types CLU did not find at all are filled in by our extractor,
 * so a CLU project without (say) a postcode entity still gives dialogs a postcode.
 */
export function mapCluEntities(text: string, clu: readonly CluEntity[], extractor: EntitySource): Entity[] {
  const local = safeExtract(extractor, text);
  const mapped: Entity[] = [];
  for (const e of clu) {
    const type = entityTypeOf(e.category ?? '');
    if (!type || !Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length <= 0) continue;
    const start = Math.min(e.offset, text.length);
    const end = Math.min(e.offset + e.length, text.length);
    if (end <= start) continue;
    const words = text.slice(start, end);
    const same = local.find((l) => l.type === type && overlaps(l, start, end));
    const listKey = e.extraInformation?.find((x) => x?.extraInformationKind === 'ListKey' && typeof x.key === 'string' && x.key)?.key;
    const alone = same ? undefined : safeExtract(extractor, words).find((l) => l.type === type);
    mapped.push({ type, text: words, value: same?.value ?? listKey ?? alone?.value ?? words.trim(), start, end });
  }
  const cluTypes = new Set(mapped.map((m) => m.type));
  const filled = local.filter((l) => !cluTypes.has(l.type));
  return [...mapped, ...filled].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

function overlaps(e: Entity, start: number, end: number): boolean {
  return e.start !== undefined && e.end !== undefined && e.start < end && start < e.end;
}

function safeExtract(extractor: EntitySource, text: string): Entity[] {
  try {
    return extractor.extract(text);
  } catch {
    return [];
  }
}
