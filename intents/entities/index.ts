export { EntityExtractor } from './EntityExtractor';
export { BIN_TYPES_FILE, BinTypeMatcher, defaultBinTypes, loadBinTypes } from './binTypes';
export { extractAddresses } from './addresses';
export { extractCaseReferences } from './caseReferences';
export { extractPostcodes } from './postcodes';
