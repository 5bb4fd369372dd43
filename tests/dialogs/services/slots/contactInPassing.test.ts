import { describe, expect, it } from 'vitest';
import { ContactInPassing } from '../../../../dialogs/services/slots/contactInPassing';
import { streetPattern } from '../../../../dialogs/services/slots/streetPattern';
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

describe('ContactInPassing: places are no names', () => {
  const withPlaces = new ContactInPassing(shippedVocabulary(), streetPattern(['Kingfisher Way', 'The Laurels'], shippedVocabulary()));

  it('reads no name from a house name said as the address ("it is The Laurels, Kingfisher Way")', () => {
    expect(withPlaces.read('it is The Laurels, Kingfisher Way, AT8 1LE').name).toBeUndefined();
    expect(withPlaces.read("it's The Laurels and my number is 07700 900654").name).toBeUndefined();
  });

  it('still reads a name said with "I am" beside a place', () => {
    expect(withPlaces.read('I am Pat Okafor, from The Laurels').name).toEqual({ first: 'Pat', last: 'Okafor' });
  });
});

describe('ContactInPassing.nameAlone: a name typed on its own at a summary that invites it', () => {
  const withPlaces = new ContactInPassing(shippedVocabulary(), streetPattern(['Kingfisher Way', 'The Laurels'], shippedVocabulary()));

  it('takes two or three words with capitals, or "its" and a word', () => {
    expect(withPlaces.nameAlone('Pat Okafor')).toEqual({ first: 'Pat', last: 'Okafor' });
    expect(withPlaces.nameAlone('its pat.')).toEqual({ first: 'Pat', last: '' });
  });

  it('takes nothing else: places, sentences, courtesies, numbers', () => {
    expect(withPlaces.nameAlone('The Laurels')).toBeUndefined();
    expect(withPlaces.nameAlone('Kingfisher Way')).toBeUndefined();
    expect(withPlaces.nameAlone('Thank You')).toBeUndefined();
    expect(withPlaces.nameAlone('it is by the bus stop, near the school')).toBeUndefined();
    expect(withPlaces.nameAlone('Pat 07700 900654')).toBeUndefined();
  });
});
