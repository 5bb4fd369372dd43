import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { NONE_INTENT, type RecognizerResult } from '../../intents/recognizer';
import { testAssistants } from '../support/assistant';
import { TestConversation } from '../support/testConversation';

/**
 * Welsh questions answered from the right article (knowledge/articles/cy-GB, the Welsh analyser in
 * knowledge/welshAnalysis.ts): spoken Welsh ("ma'r", "mae'n"), a word with two senses ("enw": a person's
 * name, a house's name, putting one's name down), and a question after an answer that leans on its topic.
 * Worded here, not taken from the evaluation sets.
 */
const assistants = testAssistants(new MemoryStorage());
const welsh = assistants.byLocale.get('cy-GB')!;

const unsure = (text: string): RecognizerResult => ({ text, intent: NONE_INTENT, score: 0.01, alternatives: [], entities: [], source: 'test' });
const articleFor = (text: string) => {
  const route = welsh.router.route(text, unsure(text));
  return route.kind === 'kb' ? route.articleId : route.kind;
};

function conversation(id: string, locale = 'cy-GB') {
  const c = new TestConversation((context) => assistants.bot.run(context), { id });
  return async (text: string) => {
    const replies = await c.say({ type: 'message', text, locale, from: { id: `resident-${id}`, name: 'Preswylydd' } });
    return replies.map((r) => r.text ?? '').join('\n');
  };
}
const opening = (id: string) => welsh.knowledge.get(id)!.body.slice(0, 40);

describe('Welsh questions and the article that answers them', () => {
  it.each([
    ['Sut mae rhoi fy enw i lawr am fflat cyngor?', 'council-housing-apply'],
    ["Mae'n rhaid i ni symud yn fuan, sut ydyn ni'n rhoi ein henwau ar y gofrestr tai?", 'council-housing-apply'],
    ["Dw i isio newid enw'r tŷ i enw Cymraeg", 'street-naming'],
    ['Ga i newid fy enw ar y gofrestr etholiadol?', 'electoral-register'],
    ["Dw i'n clirio tŷ Nain, ga i fynd â'r dodrefn i'r domen ddydd Sul?", 'household-waste-recycling-centre'],
    ["Su'mae, faint o'r gloch ma'r tip yn agor bore Sadwrn? Isio clirio'r sied", 'household-waste-recycling-centre'],
    ["ma'r garej yn llawn o hen stwff, pryd ma'r tip ar agor?", 'household-waste-recycling-centre'],
    ['Dw i isio newid enw fy nhŷ, oes rhaid i mi ddweud wrth y cyngor?', 'street-naming'],
    ["Ydy'r ganolfan ailgylchu'n agor ar ddydd Sadwrn?", 'household-waste-recycling-centre'],
  ])('"%s" is answered from %s', (text, id) => {
    expect(articleFor(text)).toBe(id);
  });

  // Once asked with the tip first among the choices; a story around one clear question is now answered from the question's article (issue 16).
  it('answers from the tip when a story comes after the one question (issue 17)', () => {
    const text = "Shwmae, ma'r domen ar agor ddydd Sadwrn? Mae gen i lond car o hen focsys o'r sied";
    const route = welsh.router.route(text, unsure(text));
    expect(route.kind).toBe('kb');
    expect(route.kind === 'kb' && route.articleId).toBe('household-waste-recycling-centre');
  });

  it('after the bus pass, "Diolch yn fawr. Oes rhaid anfon llun gyda\'r cais?" is about the bus pass', async () => {
    const say = conversation('cy-kb-1');
    expect(await say("Dw i newydd droi'n 66, sut dw i'n cael pàs bws am ddim?")).toContain(opening('bus-pass'));
    expect(await say("Diolch yn fawr. Oes rhaid anfon llun gyda'r cais?")).toContain(opening('bus-pass'));
  });

  it('after the single person discount, "from when does it start?" is answered from it, not "can\'t help"', async () => {
    const say = conversation('cy-kb-2');
    expect(await say('Mae fy ngŵr wedi symud allan, ga i ddisgownt ar y dreth gyngor?')).toContain(opening('council-tax-single-person-discount'));
    const reply = await say("A fydd y disgownt yn dechrau o'r dyddiad adawodd e, neu o'r diwrnod dw i'n gwneud cais?");
    expect(reply).toContain('nid o ddiwrnod eich cais');
    expect(reply).not.toContain(welsh.responses.cannotHelp().text);
  });
});

describe("thanks that end a sentence before the question (the vocabulary's opens_message)", () => {
  it('are not searched for: "Thank you very much. Do I need to enclose a photograph?" after the bus pass is about the bus pass, not "how much"', async () => {
    const english = assistants.byLocale.get('en-GB')!;
    const say = conversation('en-kb-1', 'en-GB');
    const busPass = english.knowledge.get('bus-pass')!.body.slice(0, 40);
    expect(await say("I've just turned 66, how do I apply for a free bus pass?")).toContain(busPass);
    expect(await say('Thank you very much. Do I need to enclose a photograph?')).toContain(busPass);
  });
});
