/**
 * `npm run clu:export [-- --out FILE] [--project NAME] [--threshold 0.5]`: writes an Azure CLU
 * (conversational language understanding) project import file from intents/data, for a council
 * to import in Language Studio, train and deploy. Default output: reports/clu-project.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config';
import { defaultBinTypes, EntityExtractor } from '../intents/entities';
import { loadTrainingData } from '../intents/trainingData';
import { buildCluProject } from './lib/cluProject';

const root = path.resolve(__dirname, '..');

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(root, 'reports', 'clu-project.json') },
      project: { type: 'string', default: 'council-assistant' },
      threshold: { type: 'string', default: '0.5' },
    },
  });
  const threshold = Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new Error('--threshold must be a number from 0 to 1');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(values.project)) throw new Error('--project may use letters, digits, ".", "_" and "-" (at most 100)');

  const config = loadConfig(process.env);
  const training = loadTrainingData(config.intentsDir);
  const errors = training.problems.filter((p) => p.severity === 'error');
  for (const p of errors) process.stderr.write(`${path.relative(process.cwd(), p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  if (training.intents.length === 0) throw new Error(`no intents found in ${config.intentsDir}`);

  const binTypes = defaultBinTypes();
  // Dates are labelled by position only; a fixed clock keeps the file the same from run to run.
  const entities = new EntityExtractor({ binTypes, now: () => new Date('2025-01-01T12:00:00Z') });
  const { project, skipped } = buildCluProject(training.intents, { projectName: values.project, confidenceThreshold: threshold, entities, binTypes });
  for (const s of skipped) process.stderr.write(`skipped a repeated example of ${s.intent}: ${JSON.stringify(s.text)}\n`);

  const out = path.resolve(values.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(project, null, 2)}\n`);
  const shown = path.relative(process.cwd(), out).startsWith('..') ? out : path.relative(process.cwd(), out);
  const labels = project.assets.utterances.reduce((n, u) => n + u.entities.length, 0);
  process.stdout.write(
    `wrote ${shown}: ${project.assets.intents.length} intents, ${project.assets.utterances.length} utterances, ` +
      `${project.assets.entities.length} entities (${labels} labels)${errors.length ? `; ${errors.length} content error(s) left files out, run npm run validate` : ''}\n`,
  );
}

try {
  main();
} catch (err) {
  process.stderr.write(`clu:export failed: ${(err as Error).message}\n`);
  process.exit(1);
}
