import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';

describe('npm run validate', () => {
  it('finds the project content valid', () => {
    expect(validateAll().filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('names the file and line of a duplicate utterance under two intents and of an empty intent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    fs.cpSync(DEFAULT_PATHS.intentsDir, dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'report_pothole.yaml'), '  - Bin NOT collected!\n');
    fs.writeFileSync(path.join(dir, 'thanks.yaml'), 'intent: thanks\ndescription: Thanks\nlgsl: null\nexamples: []\n');
    fs.writeFileSync(path.join(dir, 'report_flytipping.yaml'), 'intent: report_flytipping\n  description: [broken\n');
    const problems = validateAll({ ...DEFAULT_PATHS, intentsDir: dir });
    const lines = fs.readFileSync(path.join(dir, 'report_pothole.yaml'), 'utf8').trimEnd().split('\n').length;

    const dup = problems.find((p) => p.file.endsWith('report_pothole.yaml') && /also an example of report_missed_bin/.test(p.message));
    expect(dup, JSON.stringify(problems)).toBeDefined();
    expect(dup!.line).toBe(lines);
    expect(problems.some((p) => p.file.endsWith('thanks.yaml') && p.severity === 'error' && /at least one example/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.file.endsWith('report_flytipping.yaml') && p.severity === 'error' && typeof p.line === 'number')).toBe(true);
  });

  it('names an article question that is also an intent example (the two would pull one message two ways)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    fs.cpSync(DEFAULT_PATHS.intentsDir, dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'bin_collection_day.yaml'), '  - How do I pay my council tax?\n');
    const problems = validateAll({ ...DEFAULT_PATHS, intentsDir: dir });
    const clash = problems.find((p) => p.file.endsWith('council-tax-pay.md') && /also an example of the intent bin_collection_day/.test(p.message));
    expect(clash, JSON.stringify(problems)).toMatchObject({ severity: 'error' });
  });

  it('reports a broken safeguarding pattern', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    const rules = path.join(dir, 'rules.yaml');
    fs.writeFileSync(rules, "rules:\n  - name: broken\n    patterns: ['(unclosed']\n");
    const problems = validateAll({ ...DEFAULT_PATHS, safeguardingRules: rules });
    expect(problems.find((p) => p.file === rules)?.message).toMatch(/broken.*not a valid regular expression/);
  });
});
