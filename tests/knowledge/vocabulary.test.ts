import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { vocabularyFile, vocabularyProblems, type VocabularyContext } from '../../knowledge/vocabulary';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { shippedVocabulary } from '../support/shippedWords';

const shippedMessages = path.resolve(__dirname, '../../knowledge/messages');

/** Each context's regex as it was in TypeScript before its words moved to vocabulary.yaml (file and name then). */
const OLD: Record<VocabularyContext, RegExp> = {
  // dialogs/cancelAndHelpDialog.ts YES_STOP, NO_KEEP_GOING
  stop_confirmed: /^\s*(yes\b.*|yeah\b.*|yep|y|ok|okay|stop|stop it|cancel|please)\s*[.!]*\s*$/i,
  keep_going: /^\s*(no|nope|nah|n|no thanks)\s*[.!]*\s*$/i,
  // dialogs/resumeOfferDialog.ts NO_BACK
  resume_declined: /^\s*(no|nope|nah|n|no thanks|no thank you|leave it|forget it|not now|don'?t bother)\s*[.!]*\s*$/i,
  // dialogs/services/answers.ts SKIP, DONE, YES, CHANGE, YES_FIRST, NO_FIRST, NOT_LISTED
  skip: /^\s*(skip|skip it|no|none|nothing|no thanks|n\/a|not sure|don't know|i don't know|no number)\s*[.!]*\s*$/i,
  done: /^\s*(done|that's all|thats all|that is all|no more|nothing else|finished|that's it|no)\s*[.!]*\s*$/i,
  send_confirmed:
    /^\s*(yes|yep|yup|yeah|yea|ya|aye|y|sure|send|send it|confirm|submit|that's right|thats right|correct|ok|okay|go ahead|go on|go for it|do it|please do|absolutely|sounds good|perfect|lovely|spot on|that's fine|thats fine|fine)([,.!\s]+(please|pls|thanks|thank you|ta|cheers|send|send it|send it off|send it in|that's right|thats right|go ahead|go on|then|do it|please do|correct|that's fine|thats fine|looks good|all good|lovely|perfect|great|mate|love))*\s*[.!]*\s*$/i,
  change_requested: /^\s*(change|edit|amend|fix|wrong|no,? change)/i,
  yes_first: /^\s*(yes|yeah|yep|yup|ye|yea|yh|aye|y|of course|definitely|it was|it is|correct|sure|certainly)\b/i,
  no_first: /^\s*(no|nah|nope|na|n|not really|not at all|it wasn'?t|it isn'?t|it was not|it is not)\b(?!\s+(idea|clue)\b)/i,
  address_not_listed: /(not listed|isn'?t listed|not there|not in the list|none of these|can'?t see)/i,
  // dialogs/mainDialog.ts YES_TO_PERSON
  person_accepted: /^\s*(yes\b.*|yeah\b.*|yep|yup|y|please|ok|okay|go on then|i would|i'd like that|talk to a person)\s*[.!]*\s*$/i,
  // handoff/handoffStarter.ts BARE_ANSWER
  bare_answer_to_person: /^\s*(yes|yeah|yep|yup|y|ok|okay|please|yes please|no|nope|go on( then)?|talk to a person)\s*[.!]*\s*$/i,
  // dialogs/knowledgeDialog.ts YES_WORDS, NO_WORDS
  article_helped: /^\s*(yes|yeah|yep|yup|y|it did|yes it did|yes,? thanks?( you)?|that helped|thanks?,? that helped)\s*[.!]*\s*$/i,
  article_not_helped: /^\s*(no|nope|nah|n|it didn'?t|no it didn'?t|not really|no,? thanks?)\s*[.!]*\s*$/i,
  // dialogs/router.ts START_AGAIN, CARRY_ON_WORDS, EXACT_CANCEL
  start_again: /^\s*(start (again|over)|restart|start afresh|begin again)\s*[.!]*\s*$/i,
  carry_on: /^\s*(carry on|continue|resume|go back|back to where we were)\s*[.!]*\s*$/i,
  cancel: /^\s*(cancel|stop|quit|exit|abort|never ?mind|forget it)\s*[.!]*\s*$/i,
  // dialogs/offered.ts STOPPING
  stopping: /\b(cancel|forget (it|that|about it)|never ?mind|scrap (it|that)|don'?t (send|bother)|leave it|stop (it|this|that|now)|start again)\b/i,
  // handoff/handoffDialog.ts YES, NO
  call_back_accepted: /^\s*(yes|yeah|yep|ok|okay|please|sure|go on|ask for a call ?back|call ?back|call me( back)?|email me)\b/i,
  call_back_declined: /^\s*(no|nope|nah|no thanks|no thank you|not now|dont|don't)\b/i,
};

/** The words of the old regexes (alternatives with the regex syntax taken out) and the vocabulary's own phrases. */
function words(): string[] {
  const fromOld = Object.values(OLD).flatMap((r) =>
    r.source.split('|').map((w) =>
      w
        .replace(/\\[sb]|\\\//g, ' ')
        .replace(/[\^$()*+?[\]\\]|\.\*|,\?|'\?/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
  const file = parse(fs.readFileSync(vocabularyFile(shippedMessages), 'utf8')) as Record<string, Record<string, string[]>>;
  const fromFile = Object.values(file).flatMap((e) => Object.values(e).flat());
  return [...new Set([...fromOld, ...fromFile])].filter(Boolean);
}

/** Each word as said, and near-misses: cut short, run on, prefixed, followed by more, punctuated, in capitals. */
function inputs(): string[] {
  const near = (w: string): string[] => [
    w,
    `${w}.`,
    `${w}!!`,
    `  ${w.toUpperCase()}  `,
    `${w}?`,
    `${w}s`,
    w.slice(0, -1),
    `${w} please`,
    `${w}, thanks`,
    `${w} yes please thanks`,
    `${w}, go on then`,
    `${w} idea`,
    `${w} clue`,
    `${w} and something else`,
    `oh ${w}`,
    `x${w}`,
    `${w}\nmore`,
    w.replace(/'/g, ''),
    w.replace(/ /g, ''),
    w.replace(/ /g, ', '),
    w.split(' ')[0],
  ];
  const extra = [
    '',
    ' ',
    'yesterday',
    'no idea',
    'nobody',
    'nothing else please',
    'changes',
    'I cant see it',
    'please do thanks mate',
    'ok carry on',
    'no, change the bin',
    "that's not it",
    'yes, and how do I pay',
    'yeah\nbut',
    'never  mind',
    'call  back',
    'stop it now',
    'the address is not there',
  ];
  return [...new Set([...words().flatMap(near), ...extra])];
}

describe('vocabulary.yaml', () => {
  it('each context accepts exactly what its regex accepted in TypeScript', () => {
    const table = inputs();
    const vocabulary = shippedVocabulary();
    expect(table.length).toBeGreaterThan(2000);
    for (const context of Object.keys(OLD) as VocabularyContext[]) {
      const differ = table.filter((text) => OLD[context].test(text) !== vocabulary[context].test(text));
      expect(differ, context).toEqual([]);
      // The table reaches both answers in every context.
      expect(
        table.some((t) => OLD[context].test(t)),
        context,
      ).toBe(true);
      expect(
        table.some((t) => !OLD[context].test(t)),
        context,
      ).toBe(true);
    }
    expect(Object.keys(vocabulary).sort()).toEqual(Object.keys(OLD).sort());
  });

  it('npm run validate names the file and line of an unknown context, a missing one, a key that does not apply, and a locale without the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-vocabulary-'));
    fs.cpSync(shippedMessages, dir, { recursive: true });
    const file = vocabularyFile(dir);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('keep_going:'));
    lines[at] = 'keep_goin:';
    const skip = lines.findIndex((l) => l.startsWith('skip:'));
    fs.writeFileSync(file, lines.join('\n'));
    // A locale folder without the file (the project's own Welsh, copied with the rest, taken away).
    fs.rmSync(path.join(dir, 'cy-GB'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file, line: at + 1, message: expect.stringMatching(/keep_goin\b/) }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file, message: expect.stringMatching(/keep_going/) }));
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: vocabularyFile(dir, 'cy-GB'), message: 'the cy-GB vocabulary is missing' }),
    );
    lines[at] = 'keep_going:';
    lines.splice(skip + 2, 0, '  not_followed_by: [idea]');
    fs.writeFileSync(file, lines.join('\n'));
    expect(vocabularyProblems(dir).filter((p) => p.file === file)).toEqual([
      expect.objectContaining({ severity: 'error', line: skip + 1, message: expect.stringMatching(/^skip: "not_followed_by" does not apply here/) }),
    ]);
  });
});
