import type { ServiceAttribute } from '../../../../servicerequests/open311/types';
import type { Vocabulary } from '../../../../knowledge/vocabulary';
import type { Entity } from '../../../../intents/recognizer';
import { matchChoice, matchChoiceByEntity, matchChoices } from '../../answers';
import { valueNames } from '../../requestSoFar';
import type { ServiceResponses } from '../../serviceResponses';
import { pressedSkip, saysSkip, type Reading } from './reading';
import { vagueChoice, type AnswerWords } from '../../answerWords';

/**
 * A `singlevaluelist` attribute: the chosen value's key (a yes/no list also takes "ye out at 6": the vocabulary's `yes_first`, `no_first`); '' for Skip.
 * `entities` (the recognizer's for this message): where no choice is named, a bin type that is
 * a choice's key picks it ("fy min du" -> general, through the locale's bin words).
 */
export function readSingleChoice(
  text: string,
  a: ServiceAttribute,
  r: ServiceResponses,
  vocabulary: Vocabulary,
  entities: readonly Entity[] = [],
  yesNoAreVerbs = false,
): Reading<string> {
  const values = a.values ?? [];
  if (!a.required && pressedSkip(text, r.buttons)) return { value: '' };
  const yesNo = values.some((v) => v.key === 'yes') && values.some((v) => v.key === 'no');
  // `yesNoAreVerbs` (Welsh: "Oedd", "Oes", "Ydy" answer as the question's verb, which ordinary sentences use too): in a
  // sentence, a yes or no is said first (`yes_first`, `no_first`); "sori, y bin du oedd e" names the choice "Oedd" but answers nothing.
  const sentence = yesNo && yesNoAreVerbs && text.trim().split(/\s+/).length > 3;
  const choice =
    matchChoice(text, sentence ? values.filter((v) => v.key !== 'yes' && v.key !== 'no') : values, vocabulary) ??
    (yesNo ? values.find((v) => v.key === (vocabulary.yes_first.test(text) ? 'yes' : vocabulary.no_first.test(text) ? 'no' : undefined)) : undefined) ??
    matchChoiceByEntity(
      entities.filter((e) => e.type === 'binType'),
      values,
    );
  if (!choice) return { problem: r.invalidChoice(values.map((v) => v.name)) };
  return { value: choice.key };
}

/**
 * A `multivaluelist` attribute, taken a few at a time: `building` is what was chosen so far. The
 * list is done (`value`) on "that's all" or Skip, or when it reaches `max`; '' when an optional
 * one is skipped before anything was chosen. Otherwise `building`: the list so far, to ask "anything else?".
 */
export function readMultiChoice(
  text: string,
  a: ServiceAttribute,
  building: string[],
  max: number | undefined,
  r: ServiceResponses,
  vocabulary: Vocabulary,
): Reading<string[] | ''> | { building: string[] } {
  const values = a.values ?? [];
  const skipping = saysSkip(text, r.buttons, vocabulary);
  if (building.length && (vocabulary.done.test(text) || skipping)) return { value: building };
  if (!building.length && skipping && !a.required) return { value: '' };
  const { found, unknown } = matchChoices(text, values, vocabulary);
  if (unknown.length)
    return {
      problem: r.multiUnknown(
        unknown,
        values.map((v) => v.name),
      ),
    };
  if (!found.length) return { problem: r.needAtLeastOne() };
  const chosen = [...new Set([...building, ...found.map((f) => f.key)])];
  if (max !== undefined && chosen.length > max) return { problem: r.tooManyChoices(max, chosen.length, valueNames(a, building)) };
  // As many as one booking takes: nothing more to ask.
  if (max !== undefined && chosen.length === max) return { value: chosen };
  return { building: chosen };
}

/** Every part of the message is a choice of the list, by name ("sofa and a fridge"). */
export function plainList(a: ServiceAttribute, text: string, vocabulary: Vocabulary): boolean {
  const { found, unknown } = matchChoices(text, a.values ?? [], vocabulary);
  return found.length > 0 && !unknown.length;
}

/**
 * The choice's name appears in the message as whole words ("in the road", "furniture"); short or vague names never count
 * (too vague to take from a first message without asking: the vocabulary's `vague_choice` and `vague_choice_also`, "Yes",
 * "Something else").
 */
export function namedIn(text: string, name: string, vocabulary: AnswerWords): boolean {
  const fold = (s: string) =>
    ` ${s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
  const n = fold(name);
  return n.trim().length >= 5 && !vagueChoice(vocabulary).test(name.trim()) && fold(text).includes(n);
}
