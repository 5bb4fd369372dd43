/**
 * `npm run validate`: checks the council's content (intents, safeguarding rules, the risk
 * taxonomy and the risk classifier's data, council profile; knowledge articles when present) and says exactly what is wrong and where.
 * Exits 1 when there are errors; warnings alone do not fail.
 */
import path from 'node:path';
import { INTENT_NAMES } from '../intents/catalogue';
import { riskTrainingData } from '../intents/riskClassifier';
import { readRiskTaxonomy } from '../intents/riskTaxonomy';
import { loadSafeguardingRules } from '../intents/safeguardingRules';
import { loadTrainingData, type ContentProblem } from '../intents/trainingData';
import { loadCouncilProfile } from '../knowledge/councilProfile';
import { validateKnowledge } from '../knowledge/validateKnowledge';

const root = path.resolve(__dirname, '..');
const MIN_EXAMPLES = 30;

function checkIntents(dir: string): ContentProblem[] {
  const { intents, problems } = loadTrainingData(dir);
  const found = new Set(intents.map((i) => i.intent));
  for (const name of INTENT_NAMES) {
    if (!found.has(name)) problems.push({ severity: 'error', file: path.join(dir, `${name}.yaml`), message: `the catalogue intent "${name}" has no training file` });
  }
  for (const def of intents) {
    if (def.examples.length < MIN_EXAMPLES) {
      problems.push({ severity: def.examples.length === 0 ? 'error' : 'warning', file: def.file, message: `only ${def.examples.length} examples; ${MIN_EXAMPLES} or more make recognition reliable` });
    }
  }
  if (!found.has('none')) problems.push({ severity: 'error', file: path.join(dir, 'none.yaml'), message: 'the out-of-scope examples (intent: none) are missing' });
  return problems;
}

function attempt(file: string, fn: () => unknown): ContentProblem[] {
  try {
    fn();
    return [];
  } catch (err) {
    return [{ severity: 'error', file, message: (err as Error).message.replace(`${file}: `, '') }];
  }
}

export interface ContentPaths {
  intentsDir: string;
  safeguardingRules: string;
  councilProfile: string;
  /** The risk taxonomy and the risk classifier's training data; default: next to the safeguarding rules. */
  riskTaxonomy?: string;
  riskDataDir?: string;
  /** Knowledge articles and search synonyms; default: next to the council profile. */
  articlesDir?: string;
  synonyms?: string;
}

export const DEFAULT_PATHS: ContentPaths = {
  intentsDir: path.join(root, 'intents', 'data'),
  safeguardingRules: path.join(root, 'intents', 'safeguarding-rules.yaml'),
  riskTaxonomy: path.join(root, 'intents', 'risk-taxonomy.yaml'),
  riskDataDir: path.join(root, 'intents', 'risk'),
  councilProfile: path.join(root, 'knowledge', 'council.yaml'),
  articlesDir: path.join(root, 'knowledge', 'articles'),
  synonyms: path.join(root, 'knowledge', 'synonyms.yaml'),
};

export function validateAll(paths: ContentPaths = DEFAULT_PATHS): ContentProblem[] {
  const rules = paths.safeguardingRules;
  const council = paths.councilProfile;
  return [
    ...checkIntents(paths.intentsDir),
    ...attempt(rules, () => loadSafeguardingRules(rules)),
    ...readRiskTaxonomy(paths.riskTaxonomy ?? path.join(path.dirname(rules), 'risk-taxonomy.yaml')).problems,
    ...riskTrainingData(paths.riskDataDir ?? path.join(path.dirname(rules), 'risk'), paths.intentsDir).problems,
    ...attempt(council, () => loadCouncilProfile(council)),
    ...validateKnowledge({
      articlesDir: paths.articlesDir ?? path.join(path.dirname(council), 'articles'),
      synonymsPath: paths.synonyms ?? path.join(path.dirname(council), 'synonyms.yaml'),
      intents: loadTrainingData(paths.intentsDir).intents,
    }),
  ];
}

function main(): void {
  const problems = validateAll();
  for (const p of problems) {
    const where = `${path.relative(process.cwd(), p.file)}${p.line ? `:${p.line}` : ''}`;
    process.stdout.write(`${where}: ${p.severity}: ${p.message}\n`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  process.stdout.write(`${errors === 0 ? 'Content is valid' : 'Content has errors'}: ${errors} error(s), ${warnings} warning(s).\n`);
  process.exitCode = errors ? 1 : 0;
}

if (require.main === module) main();
