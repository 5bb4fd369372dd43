import type { Entity } from '../recognizer';

/** An entity as the extractors produce it: always with offsets into the original text. */
export interface Span extends Entity {
  start: number;
  end: number;
}

/** Entity types this extractor emits. */
export const ENTITY_TYPES = {
  postcode: 'postcode',
  postcodeOutward: 'postcodeOutward',
  caseReference: 'caseReference',
  date: 'date',
  binType: 'binType',
  houseNumber: 'houseNumber',
  flat: 'flat',
  street: 'street',
} as const;
