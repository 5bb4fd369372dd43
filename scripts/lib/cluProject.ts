import type { Entity } from '../../intents/recognizer';
import type { IntentDefinition } from '../../intents/trainingData';

/** The CLU import file format version written (Language Studio → Import project). */
export const CLU_PROJECT_FILE_VERSION = '2022-10-01-preview';
/** The language of the council's residents' messages. */
export const CLU_LANGUAGE = 'en-gb';
/** CLU's name for the out-of-scope intent (ours is `none`). */
export const CLU_NONE_INTENT = 'None';
/** Entity types dialogs use: declared even when no example labels them yet. */
export const CORE_ENTITY_TYPES = ['postcode', 'caseReference', 'date', 'binType', 'houseNumber', 'street'] as const;

export interface CluEntityLabel {
  category: string;
  offset: number;
  length: number;
}

export interface CluUtterance {
  text: string;
  language: string;
  intent: string;
  entities: CluEntityLabel[];
  dataset: 'Train' | 'Test';
}

export interface CluEntityDefinition {
  category: string;
  compositionSetting: 'combineComponents' | 'separateComponents' | 'requireExactOverlap' | 'returnLongestOverlap';
  list?: { sublists: Array<{ listKey: string; synonyms: Array<{ language: string; values: string[] }> }> };
  prebuilts?: Array<{ category: string }>;
}

export interface CluProject {
  projectFileVersion: string;
  stringIndexType: 'Utf16CodeUnit';
  metadata: {
    projectKind: 'Conversation';
    projectName: string;
    description: string;
    language: string;
    multilingual: false;
    settings: { confidenceThreshold: number };
  };
  assets: {
    projectKind: 'Conversation';
    intents: Array<{ category: string }>;
    entities: CluEntityDefinition[];
    utterances: CluUtterance[];
  };
}

export interface CluProjectOptions {
  projectName: string;
  description?: string;
  /** Below this CLU answers None. */
  confidenceThreshold: number;
  /** Labels entities in each example (our EntityExtractor). */
  entities: { extract(text: string): Entity[] };
  /** Bin kinds and their synonyms, exported as a list entity so CLU returns the kind as its key. */
  binTypes?: Readonly<Record<string, readonly string[]>>;
  /** Our out-of-scope intent name. */
  outOfScopeIntent?: string;
}

export interface CluExport {
  project: CluProject;
  /** Examples left out because the same words were already exported (CLU refuses duplicates). */
  skipped: Array<{ text: string; intent: string }>;
}

/**
 * Builds a CLU "Conversation" project import file from the intent training data: one intent
 * per file (ours `none` → CLU's `None`), every example as a training utterance, entity labels
 * found by our own extractor, bin types as a list entity and dates with CLU's prebuilt
 * DateTime. The same data the offline classifier learns from: one source of truth.
 */
export function buildCluProject(intents: readonly IntentDefinition[], options: CluProjectOptions): CluExport {
  const oos = options.outOfScopeIntent ?? 'none';
  const toCluIntent = (intent: string) => (intent === oos ? CLU_NONE_INTENT : intent);
  const seen = new Set<string>();
  const skipped: CluExport['skipped'] = [];
  const utterances: CluUtterance[] = [];
  const labelled = new Set<string>();

  for (const def of intents) {
    for (const { text } of def.examples) {
      const key = text.trim().toLowerCase();
      if (!key || seen.has(key)) {
        if (key) skipped.push({ text, intent: def.intent });
        continue;
      }
      seen.add(key);
      const labels = labelsFor(text, options.entities);
      for (const l of labels) labelled.add(l.category);
      utterances.push({ text, language: CLU_LANGUAGE, intent: toCluIntent(def.intent), entities: labels, dataset: 'Train' });
    }
  }

  const intentCategories = [...new Set([CLU_NONE_INTENT, ...intents.map((d) => toCluIntent(d.intent))])];
  const categories = [...new Set<string>([...CORE_ENTITY_TYPES, ...[...labelled].sort()])];
  return {
    project: {
      projectFileVersion: CLU_PROJECT_FILE_VERSION,
      stringIndexType: 'Utf16CodeUnit',
      metadata: {
        projectKind: 'Conversation',
        projectName: options.projectName,
        description: options.description ?? 'Council Assistant intents, exported from intents/data by npm run clu:export',
        language: CLU_LANGUAGE,
        multilingual: false,
        settings: { confidenceThreshold: options.confidenceThreshold },
      },
      assets: {
        projectKind: 'Conversation',
        intents: intentCategories.map((category) => ({ category })),
        entities: categories.map((category) => entityDefinition(category, options.binTypes)),
        utterances,
      },
    },
    skipped,
  };
}

function entityDefinition(category: string, binTypes?: CluProjectOptions['binTypes']): CluEntityDefinition {
  const def: CluEntityDefinition = { category, compositionSetting: 'combineComponents' };
  if (category === 'binType' && binTypes) {
    def.list = {
      sublists: Object.entries(binTypes).map(([listKey, values]) => ({ listKey, synonyms: [{ language: CLU_LANGUAGE, values: [...new Set(values)] }] })),
    };
  }
  if (category === 'date') def.prebuilts = [{ category: 'DateTime' }];
  return def;
}

/** Entity labels with UTF-16 offsets (JavaScript string indices), non-overlapping, in order. */
function labelsFor(text: string, extractor: CluProjectOptions['entities']): CluEntityLabel[] {
  const labels: CluEntityLabel[] = [];
  let lastEnd = 0;
  const found = extractor
    .extract(text)
    .filter((e) => e.start !== undefined && e.end !== undefined)
    .sort((a, b) => a.start! - b.start!);
  for (const e of found) {
    const start = e.start!;
    const end = Math.min(e.end!, text.length);
    if (start < lastEnd || end <= start) continue;
    labels.push({ category: e.type, offset: start, length: end - start });
    lastEnd = end;
  }
  return labels;
}
