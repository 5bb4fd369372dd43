import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ClarifyDialog, type ClarifyResult } from '../../dialogs/clarifyDialog';
import { carryOnYes, declinesPerson } from '../../dialogs/mainDialog';
import { answersResumeOffer } from '../../dialogs/resumeOfferDialog';
import { matchChoice, matchChoices, yesThenMore } from '../../dialogs/services/answers';
import { readSingleChoice } from '../../dialogs/services/slots/readers/choiceReaders';
import { ServiceResponses } from '../../dialogs/services/serviceResponses';
import { LocationSlot } from '../../dialogs/services/slots/locationSlot';
import type { SlotState } from '../../dialogs/services/slots/slotState';
import { AddressLookup } from '../../dialogs/services/addressLookup';
import { NONE_INTENT } from '../../intents/recognizer';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { loadVocabularyOrShipped } from '../../knowledge/vocabulary';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { testAssistants, ROOT } from '../support/assistant';
import { LoneDialog } from '../support/loneDialog';
import { recognized } from '../support/recognized';

/**
 * The words a Welsh resident types, read by the Welsh assistant's parts (knowledge/messages/cy-GB/vocabulary.yaml).
 * Each of these was read by an English-only regex in TypeScript before, which did not know them.
 */
const cy = loadVocabularyOrShipped(undefined, 'cy-GB');
const assistants = testAssistants(new MemoryStorage());
const welsh = assistants.byLocale.get('cy-GB')!;

describe('"Oeddech chi\'n golygu…?" (ClarifyDialog, something_else)', () => {
  it.each(["dim un o'r rhain", 'Rhywbeth arall', 'y naill na’r llall', 'nage'])('"%s" is none of the choices', async (text) => {
    const dialog = new LoneDialog(new ClarifyDialog(welsh.responses, cy), {
      options: [
        { target: 'report_pothole', label: 'Rhoi gwybod am dwll yn y ffordd' },
        { target: 'report_flytipping', label: 'Rhoi gwybod am dipio anghyfreithlon' },
      ],
    });
    await dialog.send('sbwriel yn y ffordd');
    await dialog.send(text);
    expect(dialog.result as ClarifyResult).toEqual({ kind: 'somethingElse' });
  });
});

describe('the Welsh router (help, bare_yes_no, wants)', () => {
  it.each(['helpu', 'Cymorth?', 'beth allwch chi ei wneud?', 'helpwch fi'])('"%s" asks for help, whatever the classifier makes of it', (text) => {
    expect(welsh.router.route(text, recognized(text, NONE_INTENT, 0.01))).toEqual({ kind: 'intent', intent: 'help', score: 1 });
  });

  it.each(['ydw', 'ie diolch', 'Naddo.', 'nac oes', 'do, diolch yn fawr'])(
    'takes "%s" as the answer to the question being asked, even when the classifier hears help in it',
    (text) => {
      expect(welsh.router.interruption(text, recognized(text, 'help'))).toBeUndefined();
    },
  );

  it.each(['dw i eisiau gwneud cwyn am y biniau', 'allwch chi ddweud wrtha i am y dreth gyngor', 'hoffwn i drefnu casgliad'])(
    '"%s" asks for something of its own',
    (text) => {
      expect(welsh.router.asksForSomething(text)).toBe(true);
    },
  );
});

describe('"Hoffech chi siarad â pherson?" and "Ydych chi am barhau…?"', () => {
  it.each(['na diolch', "na, dw i'n iawn", 'dim nawr', 'Na hoffwn.'])('"%s" declines the person (person_declined)', (text) => {
    expect(declinesPerson(text, cy)).toBe(true);
  });

  it.each(['ie plis', 'Iawn, parhau', 'ydw'])('"%s" goes back to the unfinished request (resume_accepted)', (text) => {
    expect(answersResumeOffer(text, cy)).toBe(true);
  });

  it('after a question answered mid-request, "ie plis, dydd Llun" is a yes and "dydd Llun" answers the question left open (carry_on_accepted)', () => {
    const text = 'ie plis, dydd Llun';
    expect(text.slice(carryOnYes(text, cy))).toBe('dydd Llun');
    expect(carryOnYes('iawn diolch', cy)).toBe('iawn diolch'.length);
  });
});

describe("answers to a request's questions (dont_know, clause_joins, rest_opens, qualifies)", () => {
  const outOrNot = [
    { key: 'yes', name: 'Oedd' },
    { key: 'no', name: 'Nac oedd' },
    { key: 'not_sure', name: 'Ddim yn siŵr' },
  ];

  it.each(['dim syniad', 'Dwn i ddim', "sa i'n gwybod", 'dwi ddim yn siwr'])('"%s" picks the choice that says so', (text) => {
    expect(matchChoice(text, outOrNot, cy)?.key).toBe('not_sure');
  });

  it('"anfon e a hefyd pryd mae diwrnod casglu fy min": a yes to sending, then another need', () => {
    expect(yesThenMore('anfon e a hefyd pryd mae diwrnod casglu fy min', cy)).toEqual({ yes: 'anfon e', rest: 'pryd mae diwrnod casglu fy min' });
  });

  it('"ie, ond newidiwch y cyfeiriad" qualifies the yes: it is about the same request', () => {
    expect(yesThenMore('ie, ond newidiwch y cyfeiriad i 5 High Street', cy)).toBeUndefined();
  });
});

describe('the place of a request (same_place, detail_corrected, wrong_place)', () => {
  const responses = new ServiceResponses(loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml')), welsh.buttons);
  const addresses = new AddressLookup(Gazetteer.load(path.join(ROOT, 'gazetteer')), responses, cy);
  const slot = new LocationSlot(addresses, responses, cy);
  const at7 = { kind: 'address', uprn: '7', text: '7 High Street, Anytown, AT1 1AA' } as const;

  it('"yr un lle" is where the request filed just before was', () => {
    const state = { lastPlace: at7 } as unknown as SlotState;
    expect(slot.samePlace(state, "yr un lle â'r tro diwethaf")).toBe(true);
    expect(state.location).toEqual(at7);
  });

  it('"sori, nid 7 High Street, 5 High Street" corrects the address: the place after "nid" is the wrong one, left out', () => {
    const state = { location: { ...at7 }, current: { kind: 'confirm' }, config: { location: 'address' } } as unknown as SlotState;
    expect(slot.correct(state, 'sori, nid 7 High Street, 5 High Street')).toMatch(/5 High Street/);
    expect(state.location?.text).toMatch(/^5 High Street/);
  });
});

describe('choosing from a list in Welsh (house_number_cue, Welsh ordinals, clause_joins, yes_first, choice_filler)', () => {
  const responses = new ServiceResponses(loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml')), welsh.buttons);
  const addresses = new AddressLookup(Gazetteer.load(path.join(ROOT, 'gazetteer')), responses, cy);

  it.each([
    ['rhif 5', /^5 Vicarage Close/],
    ['tŷ rhif 6 plis', /^6 Vicarage Close/],
    ['yr ail un', /^2 Vicarage Close/],
    ['y trydydd cyfeiriad', /^3 Vicarage Close/],
    ['yr un cyntaf', /^1 Vicarage Close/],
    ["yr un ola'", /^7 Vicarage Close/],
  ])('"%s" picks an address of the list', (text, address) => {
    expect(addresses.choose(text, 'AT9 1AY').location?.text).toMatch(address);
  });

  it('"yr ail ddeg" is no place in the list', () => {
    expect(addresses.choose('yr ail ddeg', 'AT9 1AY').location).toBeUndefined();
  });

  const items = [
    { key: 'sofa', name: 'Soffa' },
    { key: 'table', name: 'Bwrdd' },
    { key: 'television', name: 'Teledu' },
  ];
  it('"bwrdd a soffa ac teledu" is three things', () => {
    expect(matchChoices('bwrdd a soffa ac teledu', items, cy).found.map((c) => c.key)).toEqual(['table', 'sofa', 'television']);
  });

  const binOut = {
    code: 'bin_out_by_7am',
    datatype: 'singlevaluelist',
    required: true,
    values: [
      { key: 'yes', name: 'Oedd' },
      { key: 'no', name: 'Nac oedd' },
    ],
  } as never;
  it.each([
    ['do', 'yes'],
    ['yndi, mi oedd o', 'yes'],
    ['nac oedd', 'no'],
  ])('"%s" answers "Oedd y bin allan…?"', (text, key) => {
    expect(readSingleChoice(text, binOut, responses, cy, [], true)).toEqual({ value: key });
  });

  it('"sori, y bin du oedd e, nid y glas" names the choice "Oedd" inside a sentence: no answer', () => {
    expect(readSingleChoice('sori, y bin du oedd e, nid y glas', binOut, responses, cy, [], true)).toHaveProperty('problem');
  });

  it('"yr un glas" picks the blue bin: the Welsh words that tell no choice from another are left out', () => {
    const bins = [
      { key: 'general', name: 'Gwastraff cyffredinol (bin llwyd)' },
      { key: 'recycling', name: 'Ailgylchu (bin glas)' },
    ];
    expect(matchChoice('yr un glas', bins, cy)?.key).toBe('recycling');
  });
});

describe('"Ga i ei anfon?" (send_confirmed)', () => {
  it.each(['Ydy, diolch', "Ydy, mae hynna'n gywir. Anfonwch o.", 'iawn gyrrwch o', 'ia pls', 'Cewch, diolch yn fawr iawn'])(
    '"%s" is a yes to sending',
    (text) => {
      expect(cy.send_confirmed.test(text)).toBe(true);
    },
  );

  it.each(['na', "nage, mae'r rhif yn anghywir", 'dim eto'])('"%s" is not', (text) => {
    expect(cy.send_confirmed.test(text)).toBe(false);
  });
});

describe('two needs in one Welsh message (need_joins, reason_given)', () => {
  it.each([
    ["Mae'r bin du heb ei gasglu ddoe, a hefyd pryd mae'r ganolfan ailgylchu ar agor dydd Sul?", ['report_missed_bin', 'kb:household-waste-recycling-centre']],
    [
      "Chafodd y bin du mo'i gasglu ddoe ac hefyd dw i eisiau gwybod faint yw'r tanysgrifiad gwastraff gardd achos dw i'n meddwl ei fod e'n dod i ben",
      ['report_missed_bin', 'kb:garden-waste-subscription'],
    ],
    // Where, said as a clause of its own between the two, is no part of either. "How much is…" is a question
    // the bulky waste article answers (its prices), as in English.
    ['mae fy min du heb ei wagio, 6 The Green AT9 1NP, a hefyd faint yw casgliad swmpus?', ['report_missed_bin', 'kb:bulky-waste']],
  ])('"%s" asks for two things', (text, expected) => {
    expect(welsh.router.needs(text).map((n) => (n.kind === 'kb' ? `kb:${n.articleId}` : n.intent))).toEqual(expected);
  });

  it('a message with "a" joining two things that belong together is one need', () => {
    expect(welsh.router.needs('Mae bagiau sbwriel a hen fatras wedi cael eu gadael ar Mill Lane')).toEqual([]);
  });
});

describe('asking for a person in Welsh, with something else (asks_for_person)', () => {
  it.each([
    'Dydw i ddim yn dda gyda chyfrifiaduron. Ga i siarad â rhywun yn y swyddfa?',
    'fasai rhywun yn gallu fy ffonio i’n ôl am y dreth gyngor',
    'Hoffwn i siarad gydag aelod o staff am fy nghais tai',
    'dw i isio siarad efo person go iawn am y bin',
    'oes modd cael galwad yn ôl gan rywun?',
  ])('"%s" asks for a person', (text) => {
    expect(cy.asks_for_person.test(text)).toBe(true);
  });

  it.each(["Dw i'n gweld rhywun wedi tipio sbwriel ar y lôn", 'Roedd y dyn biniau yn siarad ar ei ffôn'])('"%s" does not', (text) => {
    expect(cy.asks_for_person.test(text)).toBe(false);
  });
});
