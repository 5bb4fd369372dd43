/** Words that say a detail given before was wrong ("sorry, I meant", "actually", "not X, Y", "wait"). */
export const CORRECTION =
  /\b(sorry|actually|i meant|i mean|meant to say|not|wait|hang on|oops|mistake|wrong|instead|change|make that|should be|correction|more like|rather)\b|^\s*no\b/i;
