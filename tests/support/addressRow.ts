import type { Address } from '../../servicerequests/gazetteer/gazetteer';

/**
 * One made-up gazetteer row for tests that build a small Gazetteer or StreetIndex of their own:
 * house 1 in Anytown, AT1 1AA, at 0,0, with no ward, round or Welsh street name, unless the test
 * says otherwise.
 */
export function addressRow(uprn: string, street: string, fields: Partial<Address> = {}): Address {
  return {
    uprn,
    sao: '',
    paon: '1',
    street,
    locality: '',
    town: 'Anytown',
    postcode: 'AT1 1AA',
    lat: 0,
    long: 0,
    ward: '',
    round: '',
    ...fields,
  };
}
