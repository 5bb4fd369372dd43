import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceResponses } from '../../dialogs/services/serviceResponses';
import { HandoffResponses } from '../../handoff/handoffResponses';
import { loadRiskTaxonomy } from '../../intents/riskTaxonomy';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { MESSAGE_FILES, SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';

const council = loadCouncilProfile(path.resolve(__dirname, '../../knowledge/council.yaml'));
const shippedMessages = path.resolve(__dirname, '../../knowledge/messages');

interface Said {
  call: string;
  /** Said with the risk taxonomy (intents/risk-taxonomy.yaml) or without. */
  taxonomy?: boolean;
  args: unknown[];
  reply: unknown;
}

/** Replies as the TypeScript wrote them before the words moved to knowledge/messages (captured from that code). */
function before(name: string): Said[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'words-before', `${name}.json`), 'utf8')) as Said[];
}

function replay(target: object, said: Said[]): void {
  for (const s of said) {
    const method = (target as Record<string, (...args: unknown[]) => unknown>)[s.call]!;
    // JSON has no undefined: a missing argument comes back as null.
    const args = s.args.map((a) => (a === null ? undefined : a));
    expect(JSON.parse(JSON.stringify(method.apply(target, args))), `${s.call}(${JSON.stringify(s.args)})`).toEqual(s.reply);
  }
}

/** A copy of the shipped messages folder with one file's lines changed. */
function messagesWith(file: string, change: (lines: string[]) => string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-messages-'));
  fs.cpSync(shippedMessages, dir, { recursive: true });
  const target = path.join(dir, 'en-GB', file);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8').split('\n')).join('\n'));
  return dir;
}

describe('message files', () => {
  it('the service conversations say word for word what they said when the words were in TypeScript', () => {
    const said = before('service-responses');
    expect(said.length).toBeGreaterThan(50);
    replay(new ServiceResponses(council), said);
  });

  it('the handoff says word for word what it said when the words were in TypeScript, with the risk taxonomy and without', () => {
    const said = before('handoff-responses');
    expect(said.filter((s) => s.taxonomy).length).toBeGreaterThan(30);
    expect(said.filter((s) => !s.taxonomy).length).toBeGreaterThan(30);
    replay(new HandoffResponses(council, loadRiskTaxonomy(path.resolve(__dirname, '../../intents/risk-taxonomy.yaml'))), said.filter((s) => s.taxonomy));
    replay(new HandoffResponses(council), said.filter((s) => !s.taxonomy));
  });

  it('every shipped message file is complete and valid', () => {
    for (const m of MESSAGE_FILES) expect(m.problems(shippedMessages), m.name).toEqual([]);
  });

  it('npm run validate names the file and line of an unknown id, a missing id and an unknown placeholder, and a locale without the file', () => {
    let at = -1;
    let placeholderAt = -1;
    const dir = messagesWith('services.yaml', (lines) => {
      at = lines.findIndex((l) => l.startsWith('invalid_postcode:'));
      placeholderAt = lines.findIndex((l) => l.startsWith('ask_name:'));
      return lines.map((l, i) => (i === at ? l.replace('invalid_postcode:', 'invalid_postcod:') : i === placeholderAt ? "ask_name: What's your {nmae}?" : l));
    });
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    const file = path.join(dir, 'en-GB', 'services.yaml');
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file, line: at + 1, message: expect.stringMatching(/invalid_postcod\b/) }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file, message: expect.stringMatching(/invalid_postcode/) }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file: path.join(dir, 'cy-GB', 'services.yaml'), message: 'the cy-GB services messages are missing' }));
    const fixed = messagesWith('services.yaml', (lines) => lines.map((l) => (l.startsWith('ask_name:') ? "ask_name: What's your {nmae}?" : l)));
    const placeholder = validateAll({ ...DEFAULT_PATHS, messagesDir: fixed }).filter((p) => p.file === path.join(fixed, 'en-GB', 'services.yaml'));
    expect(placeholder).toEqual([expect.objectContaining({ severity: 'error', line: placeholderAt + 1, message: expect.stringMatching(/^ask_name: unknown placeholder \{nmae\}/) })]);
  });

  it('start-up refuses a council file with a mistake, naming file and line', () => {
    const dir = messagesWith('services.yaml', (lines) => lines.map((l) => l.replace(/^required:/, 'requird:')));
    expect(() => SERVICE_MESSAGES.loadOrShipped(dir)).toThrow(/services\.yaml:\d+: .*requird/);
    expect(SERVICE_MESSAGES.loadOrShipped(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-none-')))).toBe(SERVICE_MESSAGES.shipped());
  });
});
