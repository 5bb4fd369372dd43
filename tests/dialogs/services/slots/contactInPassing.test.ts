import { describe, expect, it } from 'vitest';
import { ContactInPassing } from '../../../../dialogs/services/slots/contactInPassing';
import { shippedVocabulary } from '../../../support/shippedWords';

const reader = new ContactInPassing(shippedVocabulary(), undefined);

describe('ContactInPassing: a name said beside the contact details', () => {
  it('takes a clause of capitalised words after an email address as the name', () => {
    const said = reader.read('you can email me on sam.k@example.org, Samira Khan');
    expect(said.contact).toEqual({ email: 'sam.k@example.org' });
    expect(said.name).toEqual({ first: 'Samira', last: 'Khan' });
  });

  it('takes "its" and a word after a phone number as the name', () => {
    const said = reader.read('01632 960777 its ravi');
    expect(said.contact?.phone).toBeDefined();
    expect(said.name).toEqual({ first: 'Ravi', last: '' });
  });

  it('takes "name" and the words after it, beside the contact details, as the name', () => {
    const said = reader.read('mobile 07700 900321, name Tomasz Nowak');
    expect(said.contact?.phone).toBeDefined();
    expect(said.name).toEqual({ first: 'Tomasz', last: 'Nowak' });
    expect(reader.read('email t.nowak@example.net, name tomasz nowak').name).toEqual({ first: 'Tomasz', last: 'Nowak' });
  });

  it('takes no name from words that say something else', () => {
    expect(reader.read('01632 960777, thanks').name).toBeUndefined();
    expect(reader.read('call me on 01632 960777 please').name).toBeUndefined();
    expect(reader.read('01632 960777 Many Thanks').name).toBeUndefined();
  });
});
