import path from 'node:path';
import { packageRoot } from '../platform/packageRoot';
import { loadVocabulary, vocabularyFile, type Vocabulary } from './vocabulary';

/**
 * The project's own vocabulary (knowledge/messages/en-GB/vocabulary.yaml), read once when first
 * imported. A council's own vocabulary.yaml, and a locale per conversation, are not read here yet
 * (`npm run validate` checks them all the same).
 */
export const VOCABULARY: Vocabulary = loadVocabulary(vocabularyFile(path.join(packageRoot(__dirname), 'knowledge', 'messages')));
