import type { Entity } from '../recognizer';
import { extractAddresses } from './addresses';
import { BinTypeMatcher, defaultBinTypes, type BinTypeSynonyms } from './binTypes';
import { defaultCaseReferenceWords, extractCaseReferences, type CaseReferenceWords } from './caseReferences';
import { extractDates } from './dates';
import { resolveOverlaps } from './overlaps';
import { extractWelshAddresses } from './welshAddresses';
import { extractWelshDates } from './welshDates';
import { DEFAULT_POSTCODE_AREAS, extractPostcodes } from './postcodes';
import { ENTITY_TYPES, type Span } from './types';

export interface EntityExtractorOptions {
  /** The clock relative dates ("yesterday") are read against. Defaults to the system clock. */
  now?: () => Date;
  /** Bin synonym table. Defaults to intents/entities/bin-types.yaml, read once per process. */
  binTypes?: BinTypeSynonyms;
  /** Postcode areas whose outward code alone ("AT3") is an entity. Defaults to ["AT"]. */
  postcodeAreas?: readonly string[];
  /**
   * The assistant's language. 'cy-GB' also reads Welsh days and dates (`extractWelshDates`) IN
   * ADDITION to the English ones: residents code-switch ("missed ddydd Llun"). Default 'en-GB'.
   */
  locale?: string;
  /**
   * A locale's own bin words (for cy-GB, intents/entities/cy-GB/bin-types.yaml via
   * `loadBinTypes(localeBinTypesFile('cy-GB'))`), matched as well as `binTypes` and also with
   * Welsh initial mutations ("fy min du"). No phrase may be under two kinds across both.
   */
  localeBinTypes?: BinTypeSynonyms;
  /** The words that name a case reference before it ("ref", "complaint number"). Default: intents/entities/case-references.yaml, read once per process. */
  caseReferenceWords?: CaseReferenceWords;
}

/** Longest message looked at; anything after is ignored (a resident's message is far shorter). */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Pulls postcodes, case references, dates, bin types, streets, house numbers and flats out of
 * a resident's message. Values are normalised (see each type's extractor); `start`/`end` are
 * offsets into the text given. Where two entities claim the same words, the more specific one
 * wins: postcode, then case reference, bin type, date, and address parts last. Entities come
 * back in the order they appear.
 *
 * `extract` never throws: an extractor that fails on some odd input just contributes nothing.
 * The constructor can throw, if the bin synonym table is broken (a configuration error).
 */
export class EntityExtractor {
  private readonly now: () => Date;
  private readonly bins: BinTypeMatcher;
  private readonly postcodeAreas: readonly string[];
  private readonly welsh: boolean;
  private readonly caseReferenceWords: CaseReferenceWords;

  constructor(options: EntityExtractorOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.welsh = options.locale === 'cy-GB';
    this.bins = new BinTypeMatcher(options.binTypes ?? defaultBinTypes(), options.localeBinTypes);
    this.postcodeAreas = options.postcodeAreas ?? DEFAULT_POSTCODE_AREAS;
    this.caseReferenceWords = options.caseReferenceWords ?? defaultCaseReferenceWords();
  }

  extract(text: string): Entity[] {
    if (typeof text !== 'string' || text.trim() === '') return [];
    const input = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
    try {
      // Welsh street names put the type first ("6 Heol y Castell"); English ones are read too.
      const addresses = this.welsh
        ? [...safely(() => extractAddresses(input)), ...safely(() => extractWelshAddresses(input))]
        : safely(() => extractAddresses(input));
      return resolveOverlaps([
        safely(() => extractPostcodes(input, this.postcodeAreas)),
        safely(() => extractCaseReferences(input, this.caseReferenceWords)),
        safely(() => this.bins.extract(input)),
        givingWayToHouseNumbers(
          this.welsh
            ? [...safely(() => extractWelshDates(input, this.clock())), ...safely(() => extractDates(input, this.clock()))]
            : safely(() => extractDates(input, this.clock())),
          addresses,
          input,
        ),
        addresses,
      ]);
    } catch {
      return [];
    }
  }

  private clock(): Date {
    const now = this.now();
    return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  }
}

/**
 * "missed on tuesday, 12 Mill Lane", "tuesday at 12 Mill Lane": chrono reads the house number as
 * part of the date (the 12th, or 12 o'clock). A number the address extractor found right before a
 * street name is a house number: the date ends before it (its day is unchanged).
 */
function givingWayToHouseNumbers(dates: Span[], addresses: Span[], text: string): Span[] {
  return dates.map((date) => {
    const house = addresses.find(
      (a) =>
        a.type === ENTITY_TYPES.houseNumber &&
        a.start > date.start &&
        a.start < date.end &&
        addresses.some((s) => s.type === ENTITY_TYPES.street && s.start >= a.end && s.start - a.end <= 2),
    );
    if (!house) return date;
    const kept = text.slice(date.start, house.start).replace(/[\s,]*(?:\bat\b|\bno\.?|\bnumber)?[\s,]*$/i, '');
    return kept ? { ...date, text: kept, end: date.start + kept.length } : { ...date, end: date.start };
  });
}

function safely(run: () => Span[]): Span[] {
  try {
    return run();
  } catch {
    return [];
  }
}
