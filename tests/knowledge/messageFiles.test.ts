import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceResponses } from '../../dialogs/services/serviceResponses';
import { HandoffResponses } from '../../handoff/handoffResponses';
import { loadRiskTaxonomy } from '../../intents/riskTaxonomy';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { MESSAGE_FILES, SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import { Responses } from '../../dialogs/responses';
import { KnowledgeResponses } from '../../dialogs/knowledgeResponses';
import { DEFAULT_PATHS, formatReport, validateAll } from '../../scripts/validate';
import { shippedReplyWords } from '../../knowledge/replyTexts';
import { shippedButtons } from '../support/shippedWords';

const council = loadCouncilProfile(path.resolve(__dirname, '../../knowledge/council.yaml'));
const shippedMessages = path.resolve(__dirname, '../../knowledge/messages');
const buttons = shippedButtons();

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
    const method = (target as Record<string, (...args: unknown[]) => unknown>)[s.call];
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
    replay(new ServiceResponses(council, buttons), said);
  });

  it('the handoff says word for word what it said when the words were in TypeScript, with the risk taxonomy and without', () => {
    const said = before('handoff-responses');
    expect(said.filter((s) => s.taxonomy).length).toBeGreaterThan(30);
    expect(said.filter((s) => !s.taxonomy).length).toBeGreaterThan(30);
    replay(
      new HandoffResponses(council, buttons, loadRiskTaxonomy(path.resolve(__dirname, '../../intents/risk-taxonomy.yaml'))),
      said.filter((s) => s.taxonomy),
    );
    replay(
      new HandoffResponses(council, buttons),
      said.filter((s) => !s.taxonomy),
    );
  });

  it('the buttons have the titles they had in TypeScript (the titles are also what is recognised when pressed)', () => {
    // Keyed by the names the titles had as TypeScript constants.
    const b = buttons;
    expect({
      TALK_TO_PERSON: b.talk_to_person,
      CARRY_ON: b.carry_on,
      STOP: b.yes_stop,
      KEEP_GOING: b.no_carry_on,
      START_AGAIN: b.start_again,
      YES: b.it_helped,
      NO: b.it_did_not_help,
      SEND_IT: b.send_it,
      CHANGE_SOMETHING: b.change_something,
      CANCEL: b.cancel,
      SKIP_LABEL: b.skip,
      DONE_LABEL: b.done,
      ANONYMOUS: b.stay_anonymous,
      NOT_LISTED_LABEL: b.address_not_listed,
    }).toEqual({
      TALK_TO_PERSON: 'Talk to a person',
      CARRY_ON: 'Carry on',
      STOP: 'Yes, stop',
      KEEP_GOING: 'No, carry on',
      START_AGAIN: 'Start again',
      YES: 'Yes',
      NO: 'No',
      SEND_IT: 'Send it',
      CHANGE_SOMETHING: 'Change something',
      CANCEL: 'Cancel',
      SKIP_LABEL: 'Skip',
      DONE_LABEL: "That's all",
      ANONYMOUS: 'Stay anonymous',
      NOT_LISTED_LABEL: "My address isn't listed",
    });
    expect({
      CANCEL_WAITING: b.stop_waiting,
      END_CHAT: b.end_chat,
      REQUEST_CALLBACK: b.ask_for_call_back,
      NO_THANKS: b.no_thanks,
      SEND_CALLBACK: b.send_call_back,
      DONT_SEND_CALLBACK: b.dont_send_call_back,
    }).toEqual({
      CANCEL_WAITING: 'Stop waiting',
      END_CHAT: 'End chat',
      REQUEST_CALLBACK: 'Ask for a call back',
      NO_THANKS: 'No thanks',
      SEND_CALLBACK: 'Send it',
      DONT_SEND_CALLBACK: "Don't send it",
    });
    const responses = new Responses(council, buttons);
    expect(responses.help(true).choices).toEqual(['Carry on', 'Cancel', 'Talk to a person']);
    expect(responses.carryOnWith('your missed bin report').choices).toEqual(['Carry on', 'No thanks']);
    expect(responses.didYouMean(['Report a pothole']).choices).toEqual(['Report a pothole', 'Something else']);
    expect(responses.confirmCancel().choices).toEqual(['Yes, stop', 'No, carry on']);
    expect(responses.notUnderstoodOfferPerson().choices).toEqual(['Talk to a person', 'Help']);
    expect(new KnowledgeResponses(council, buttons).carryOn().choices).toEqual(['Carry on', 'Cancel']);
    expect(new KnowledgeResponses(council, buttons).didThisHelp().choices).toEqual(['Yes', 'No']);
    expect(b.call_back_any_time).toBe('Any time');
  });

  it("the words around a knowledge answer are the council's replies, not the code's", () => {
    const words = {
      ...shippedReplyWords(),
      article_did_it_help: 'Was that useful?',
      article_not_helpful: 'Sorry. Other ways to reach us: {contactPage}',
      article_source: 'From {title}: {url}',
    };
    const own = new KnowledgeResponses(council, buttons, undefined, words);
    expect(own.didThisHelp().text).toBe('Was that useful?');
    expect(own.notHelpful([]).text).toBe(`Sorry. Other ways to reach us: ${council.contactPage}`);
    const article = { title: 'Bin days', url: 'https://www.anytown.example/bins', body: 'Bins go out on Mondays.' } as Parameters<
      KnowledgeResponses['answer']
    >[0];
    expect(own.answer(article).text).toBe('Bins go out on Mondays.\n\nFrom Bin days: https://www.anytown.example/bins');
    expect(new KnowledgeResponses(council, buttons).answer(article, true).text).toBe(
      'For Bin days:\n\nBins go out on Mondays.\n\nSource: [Bin days](https://www.anytown.example/bins)',
    );
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
    // A locale folder without the file (the project's own Welsh, copied with the rest, taken away).
    fs.rmSync(path.join(dir, 'cy-GB'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    const file = path.join(dir, 'en-GB', 'services.yaml');
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file, line: at + 1, message: expect.stringMatching(/invalid_postcod\b/) }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file, message: expect.stringMatching(/invalid_postcode/) }));
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'cy-GB', 'services.yaml'), message: 'the cy-GB services messages are missing' }),
    );
    const fixed = messagesWith('services.yaml', (lines) => lines.map((l) => (l.startsWith('ask_name:') ? "ask_name: What's your {nmae}?" : l)));
    const placeholder = validateAll({ ...DEFAULT_PATHS, messagesDir: fixed }).filter((p) => p.file === path.join(fixed, 'en-GB', 'services.yaml'));
    expect(placeholder).toEqual([
      expect.objectContaining({ severity: 'error', line: placeholderAt + 1, message: expect.stringMatching(/^ask_name: unknown placeholder \{nmae\}/) }),
    ]);
  });

  it('npm run validate names the file and line of a missing id in http.yaml, console.yaml and replies.yaml: the line of the id after it, where it goes', () => {
    for (const [file, id, next] of [
      ['http.yaml', 'internal_error', 'body_too_large'],
      ['console.yaml', 'session_needed', 'session_expired'],
      ['replies.yaml', 'confirm_cancel', 'cancelled'],
    ]) {
      let nextAt = -1;
      const dir = messagesWith(file, (lines) => {
        const kept = lines.filter((l) => !l.startsWith(`${id}:`));
        expect(kept.length, file).toBe(lines.length - 1);
        nextAt = kept.findIndex((l) => l.startsWith(`${next}:`));
        return kept;
      });
      const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir }).filter((p) => p.file === path.join(dir, 'en-GB', file));
      expect(problems, file).toEqual([
        { severity: 'error', file: path.join(dir, 'en-GB', file), line: nextAt + 1, message: `${id}: missing (add it before ${next})` },
      ]);
      expect(formatReport(problems, [], dir), file).toContain(`en-GB/${file}:${nextAt + 1}: error: ${id}: missing (add it before ${next})`);
    }
  });

  it('start-up refuses a council file with a mistake, naming file and line', () => {
    const dir = messagesWith('services.yaml', (lines) => lines.map((l) => l.replace(/^required:/, 'requird:')));
    expect(() => SERVICE_MESSAGES.loadOrShipped(dir)).toThrow(/services\.yaml:\d+: .*requird/);
    expect(SERVICE_MESSAGES.loadOrShipped(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-none-')))).toBe(SERVICE_MESSAGES.shipped());
  });
});
