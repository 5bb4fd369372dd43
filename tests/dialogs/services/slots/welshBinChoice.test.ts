import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCouncilProfile } from '../../../../knowledge/councilProfile';
import { ServiceResponses } from '../../../../dialogs/services/serviceResponses';
import { readSingleChoice } from '../../../../dialogs/services/slots/readers/choiceReaders';
import { matchChoiceByEntity } from '../../../../dialogs/services/answers';
import { EntityExtractor } from '../../../../intents/entities/EntityExtractor';
import { loadBinTypes } from '../../../../intents/entities/binTypes';
import type { ServiceAttribute } from '../../../../servicerequests/open311/types';
import { shippedButtons, shippedVocabulary } from '../../../support/shippedWords';

const r = new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../../knowledge/council.yaml')), shippedButtons());
const v = shippedVocabulary();
const welsh = new EntityExtractor({
  locale: 'cy-GB',
  localeBinTypes: loadBinTypes(path.resolve(__dirname, '../../../intents/entities/fixtures/cy-bin-types.yaml')),
});

/** "Which bin was missed?" as a Welsh service definition would list it (keys as in services/missed-bin.yaml). */
const bin: ServiceAttribute = {
  variable: true,
  code: 'container',
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: '',
  order: 1,
  description: 'Pa fin a fethwyd?',
  values: [
    { key: 'general', name: 'Gwastraff cyffredinol (bin llwyd)' },
    { key: 'recycling', name: 'Ailgylchu (bin glas)' },
    { key: 'garden', name: 'Gwastraff gardd (bin gwyrdd)' },
    { key: 'food', name: 'Gwastraff bwyd (cadi)' },
  ],
};

describe("the bin choice list takes the locale's bin words through the recognizer's entities", () => {
  it.each([
    ['fy min du', 'general'],
    ['y bin du', 'general'],
    ['fy nghadi bwyd', 'food'],
    ['ei fin brown', 'garden'],
  ])('"%s" is %s', (text, key) => {
    expect(readSingleChoice(text, bin, r, v, welsh.extract(text))).toEqual({ value: key });
  });

  it('without the entities, the same words are not a choice (the list names no black bin)', () => {
    expect(readSingleChoice('fy min du', bin, r, v)).toEqual({ problem: r.invalidChoice(bin.values!.map((x) => x.name)) });
  });

  it('names still win, and two bins named is no single choice', () => {
    expect(readSingleChoice('Ailgylchu (bin glas)', bin, r, v, welsh.extract('fy min du'))).toEqual({ value: 'recycling' });
    expect(matchChoiceByEntity(welsh.extract("y bin du a'r bin glas"), bin.values!)).toBeUndefined();
    expect(matchChoiceByEntity([{ type: 'binType', text: 'glass box', value: 'glass' }], bin.values!)).toBeUndefined();
  });
});
