import { SeededRandom } from './SeededRandom';

/**
 * Seeded random letter strings ("qzv hwkto"), used as stand-in out-of-scope utterances so that
 * the calibration and the threshold know what "nothing like the training data" scores, also when
 * the training data has no out-of-scope examples.
 */
export class Gibberish {
  static generate(count: number, seed: number): string[] {
    const random = new SeededRandom(seed ^ 0x5bd1e995);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const words = 1 + random.nextInt(4);
      const parts: string[] = [];
      for (let w = 0; w < words; w++) {
        let word = '';
        const length = 2 + random.nextInt(8);
        for (let c = 0; c < length; c++) word += letters[random.nextInt(letters.length)];
        parts.push(word);
      }
      out.push(parts.join(' '));
    }
    return out;
  }
}
