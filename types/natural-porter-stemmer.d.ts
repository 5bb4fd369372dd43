/**
 * natural's Porter stemmer on its own: `natural/lib/natural/stemmers` loads every language's
 * stemmer (and an Indonesian dictionary), about 90 ms of start-up for one function we use.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  import type { Stemmer } from 'natural/lib/natural/stemmers';
  const PorterStemmer: Stemmer;
  export = PorterStemmer;
}
