export { EntityExtractor } from './EntityExtractor';
export { BIN_TYPES_FILE, BinTypeMatcher, defaultBinTypes, loadBinTypes } from './binTypes';
export { extractAddresses } from './addresses';
export { extractCaseReferences } from './caseReferences';
export { extractPostcodes } from './postcodes';
export { localeBinTypesFile, mergeBinTypes } from './binTypes';
export { extractWelshDates, isLoneWelshWeekday, parseWelshDate } from './welshDates';
export { welshMutations } from './welshMutations';
export { foldWelsh } from './welshFold';
