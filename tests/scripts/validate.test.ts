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

  it('names the line of a misspelt key in an intent file ("exampels:"), not only "examples: Required"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    fs.cpSync(DEFAULT_PATHS.intentsDir, dir, { recursive: true });
    const file = path.join(dir, 'thanks.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('examples:'));
    lines[at] = 'exampels:';
    fs.writeFileSync(file, lines.join('\n'));
    const problems = validateAll({ ...DEFAULT_PATHS, intentsDir: dir }).filter((p) => p.file === file);
    expect(problems, JSON.stringify(problems)).toContainEqual(
      expect.objectContaining({ severity: 'error', line: at + 1, message: expect.stringMatching(/exampels/) }),
    );
    // and the file, there but unreadable, is not also said to be missing
    expect(problems.filter((p) => /has no training file/.test(p.message))).toEqual([]);
  });

  it('names an article question that is also an intent example (the two would pull one message two ways)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    fs.cpSync(DEFAULT_PATHS.intentsDir, dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'bin_collection_day.yaml'), '  - How do I pay my council tax?\n');
    const problems = validateAll({ ...DEFAULT_PATHS, intentsDir: dir });
    const clash = problems.find((p) => p.file.endsWith('council-tax-pay.md') && /also an example of the intent bin_collection_day/.test(p.message));
    expect(clash, JSON.stringify(problems)).toMatchObject({ severity: 'error' });
  });

  it('names the line of a misspelt key or a wrong value in the contact centre settings (start-up would refuse them)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    fs.cpSync(path.dirname(DEFAULT_PATHS.councilProfile), dir, { recursive: true });
    const file = path.join(dir, 'contact-centre.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const zone = lines.findIndex((l) => l.startsWith('timeZone:'));
    const monday = lines.findIndex((l) => /^\s+monday:/.test(l));
    lines[zone] = lines[zone].replace('timeZone:', 'timeZnoe:');
    lines[monday] = '  monday: 9 till 5';
    fs.writeFileSync(file, lines.join('\n'));
    const problems = validateAll({
      ...DEFAULT_PATHS,
      councilProfile: path.join(dir, 'council.yaml'),
      articlesDir: path.join(dir, 'articles'),
      synonyms: path.join(dir, 'synonyms.yaml'),
    });
    const mine = problems.filter((p) => p.file === file);
    expect(mine, JSON.stringify(problems)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', line: zone + 1, message: expect.stringMatching(/timeZnoe/) }),
        expect.objectContaining({ severity: 'error', line: monday + 1, message: expect.stringMatching(/hours\.monday: must look like/) }),
      ]),
    );
    // Told once, at the settings file, not again as a problem of the council profile.
    expect(problems.filter((p) => p.message.includes('timeZnoe')).length).toBe(1);
  });

  it('names the line of a misspelt key in the bin types', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    const file = path.join(dir, 'bin-types.yaml');
    fs.writeFileSync(file, '# bins\nbinTypes:\n  recycling: [blue bin]\n  garden: [green bin]\nbinTypez: {}\n');
    const problems = validateAll({ ...DEFAULT_PATHS, binTypes: file });
    expect(problems.find((p) => p.file === file)).toMatchObject({ severity: 'error', line: 5, message: expect.stringMatching(/binTypez/) });
  });

  it('names the line of a misspelt reply id (the field, not only in the words) and an unknown placeholder in the replies, and a locale without replies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    fs.cpSync(path.join(path.dirname(DEFAULT_PATHS.councilProfile), 'messages'), dir, { recursive: true });
    const file = path.join(dir, 'en-GB', 'replies.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('greeting:'));
    lines[at] = lines[at].replace('greeting:', 'greting:');
    const goodbye = lines.findIndex((l) => l.startsWith('goodbye:'));
    lines[goodbye] = 'goodbye: Goodbye from {councilName}.';
    fs.writeFileSync(file, lines.join('\n'));
    // A locale folder without the file (the project's own Welsh, copied with the rest, taken away).
    fs.rmSync(path.join(dir, 'cy-GB'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    fs.copyFileSync(path.join(path.dirname(DEFAULT_PATHS.councilProfile), 'messages', 'en-GB', 'intents.yaml'), path.join(dir, 'cy-GB', 'intents.yaml'));
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir });
    const replies = problems.filter((p) => p.file === file);
    expect(replies, JSON.stringify(replies)).toContainEqual(
      expect.objectContaining({ severity: 'error', line: at + 1, message: expect.stringMatching(/greting/) }),
    );
    fs.writeFileSync(file, lines.map((l, i) => (i === at ? l.replace('greting:', 'greeting:') : l)).join('\n'));
    const placeholder = validateAll({ ...DEFAULT_PATHS, messagesDir: dir }).filter((p) => p.file === file);
    expect(placeholder, JSON.stringify(placeholder)).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/goodbye: unknown placeholder \{councilName\}/) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'cy-GB', 'replies.yaml'), message: 'the cy-GB replies messages are missing' }),
    );
  });

  it('reports a broken safeguarding pattern', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-validate-'));
    const rules = path.join(dir, 'rules.yaml');
    fs.writeFileSync(rules, "rules:\n  - name: broken\n    patterns: ['(unclosed']\n");
    const problems = validateAll({ ...DEFAULT_PATHS, safeguardingRules: rules });
    expect(problems.find((p) => p.file === rules)?.message).toMatch(/broken.*not a valid regular expression/);
  });
});
