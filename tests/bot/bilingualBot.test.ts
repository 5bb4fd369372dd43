import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { testAssistants } from '../support/assistant';
import { TestConversation } from '../support/testConversation';

const assistants = testAssistants(new MemoryStorage());
const welsh = assistants.byLocale.get('cy-GB')!;
const english = assistants.byLocale.get('en-GB')!;

function conversation(id: string, user = `resident-${id}`) {
  const c = new TestConversation((context) => assistants.bot.run(context), { id });
  const say = async (text: string, locale = 'en-GB') => {
    const replies = await c.say({ type: 'message', text, locale, from: { id: user, name: 'Resident' } });
    return replies.map((r) => r.text ?? '').join('\n');
  };
  return { c, say };
}

describe('the assistant in English and Welsh (knowledge/council.yaml languages: [en-GB, cy-GB])', () => {
  it('builds one assistant per language, each from its own content, sharing the conversation state', () => {
    expect([...assistants.byLocale.keys()]).toEqual(['en-GB', 'cy-GB']);
    expect(welsh.council.name).not.toBe(english.council.name);
    expect(welsh.knowledge.get('blue-badge')?.title).not.toBe(english.knowledge.get('blue-badge')?.title);
    expect(welsh.conversationState).toBe(english.conversationState);
  });

  it('offers the other language on the welcome', () => {
    expect(english.responses.welcome().choices).toContain('Cymraeg');
    expect(welsh.responses.welcome().choices).toContain('English');
  });

  it('answers a message written in Welsh in Welsh, keeps Welsh for a short reply, and goes back to English for an English sentence', async () => {
    const { say } = conversation('bi-1');
    const first = await say('Sut dw i’n gwneud cais am fathodyn glas?');
    expect(first).toContain(welsh.knowledge.get('blue-badge')!.body.slice(0, 40));
    const short = await say('ok');
    expect(short).not.toContain(english.responses.cannotHelp().text);
    const back = await say('how do I apply for a blue badge please');
    expect(back).toContain(english.knowledge.get('blue-badge')!.body.slice(0, 40));
  });

  it('switches on "Cymraeg" / "/english", says so in the new language, and remembers the choice for the resident', async () => {
    const { say } = conversation('bi-2', 'resident-remembered');
    expect(await say('Cymraeg')).toBe(welsh.responses.languageSwitched().text);
    const next = conversation('bi-3', 'resident-remembered');
    expect(await next.say('AT1 1AA')).not.toBe('');
    expect(await next.say('/english')).toBe(english.responses.languageSwitched().text);
  });

  it('takes the language the page declares for a first message that could be either', async () => {
    const { say } = conversation('bi-4');
    expect(await say('Cymraeg', 'cy-GB')).toBe(welsh.responses.languageSwitched().text);
    const { say: say2 } = conversation('bi-5');
    const reply = await say2('blue badge', 'cy-GB');
    expect(reply).toContain(welsh.knowledge.get('blue-badge')!.body.slice(0, 40));
  });

  it('carries the conversation on when the resident changes language: a follow-up in Welsh is about the topic asked in English', async () => {
    const { say } = conversation('bi-6');
    expect(await say('how do I apply for a blue badge')).toContain(english.knowledge.get('blue-badge')!.body.slice(0, 40));
    const followUp = await say("a faint mae'n gostio?");
    expect(followUp).toContain(welsh.knowledge.get('blue-badge')!.title);
  });

  it('answers risk in Welsh with emergency numbers, and catches English danger words inside a Welsh message', async () => {
    const { say } = conversation('bi-7');
    const own = await say('Mae tân yn y fflat drws nesa a mwg ym mhobman');
    expect(own).toContain('999');
    expect(welsh.router.risk('dw i yn y tŷ a mae na fire in the kitchen spreading up the stairs', undefined).risk).toBe(true);
    expect(welsh.detector.check('there is a fire spreading up the stairs').risk).toBe(true);
  });
});

describe('Welsh safeguarding rules (intents/cy-GB/safeguarding-rules.yaml)', () => {
  const verdict = async (text: string) => welsh.router.route(text, await welsh.recognizer.recognize(text)).kind;

  it('catch a way to die asked with its adjective, as the English rules do ("quickest way to die"), and not a quickest way to the tip', async () => {
    // Each of these was not a risk to the Welsh assistant before the rule.
    for (const text of ["pa un yw'r ffordd leiaf poenus o farw", 'oes ffordd ddi-boen i farw', "beth ydy'r ffordd sicraf o farw", 'sut alla i farw yn dawel'])
      expect(await verdict(text), text).toBe('safeguarding');
    expect(await verdict("y ffordd gyflymaf i'r tip o'r dre")).not.toBe('safeguarding');
  });
});

describe('Welsh service requests that give a loss, illness, disability or age as their reason (intents/risk/cy-GB/none.reasons.yaml)', () => {
  const verdict = async (text: string) => welsh.router.route(text, await welsh.recognizer.recognize(text)).kind;

  it('are not safeguarding, even when the reason is a sentence of its own', async () => {
    // The first three were safeguarding replies before: their reason, checked as a clause on its own, scored 0.7 to 0.96.
    for (const text of [
      "Dw i'n byw ar ben fy hun rŵan ers i Mam farw. Pwy sy'n newid enw'r cyfrif treth?",
      "ma nain yn 88 ac yn fregus iawn. oes rhywun yn gallu nol y bin o'r cefn iddi?",
      "Mae gan mam ddementia ac mae hi'n byw ar ei phen ei hun. Sut mae cael asesiad gofal iddi?",
      'Ga i fathodyn glas i dad? Dydi o ddim yn gallu cerdded mwy na chanllath erbyn hyn.',
      "Mae mamgu'n 91 ac yn ffaelu cered yn bell. Shwt ma hi'n cael bathodyn glas?",
      "Bu farw fy nhad yn yr ysbyty neithiwr. Sut ydw i'n cofrestru'r farwolaeth?",
      'Yn dilyn marwolaeth fy ngŵr, rwyf bellach yn byw ar fy mhen fy hun. A oes hawl gennyf i ostyngiad?',
      "Hi, ma mam fi'n disabled a ma hi'n use-io wheelchair. Can she get a bus pass?",
      "Mae'r wraig wedi cael strôc a dyw hi ddim yn gallu dringo'r grisiau bellach. Sut mae gwneud cais am lifft grisiau?",
    ])
      expect(await verdict(text), text).not.toBe('safeguarding');
  });

  it('still catch a genuine risk said alongside such a request', async () => {
    // The first two were missed before: an older person without heating, freezing, and a mother hit and robbed by her boyfriend (now Welsh rules, as in English).
    for (const text of [
      'Ga i fathodyn glas i mam? Mae ei chariad newydd yn ei tharo hi ac yn cymryd ei phensiwn.',
      "Isio gofyn am ostyngiad treth gyngor i nain. Does ganddi ddim gwres o gwbl a mae hi'n rhewi yn y tŷ.",
      "Dw i angen bathodyn glas i mam. Mae hi wedi syrthio yn y gegin a mae hi'n methu codi o'r llawr rŵan.",
      'Mae dad yn byw ar ben ei hun ac yn methu cerdded. Mae o ar lawr y stafell molchi ers neithiwr.',
      'Oes casgliad biniau â chymorth i taid? Dydi o ddim wedi bwyta ers dyddiau a does dim bwyd yn y tŷ.',
      "Dw i isio cofrestru marwolaeth y gŵr. Dw i ddim isio byw hebddo fo, dw i'n meddwl am orffen y cyfan.",
      'Ffoniais i am y bin i dad ond mae o newydd gwympo ac yn gafael yn ei frest, dydi o ddim yn siarad yn iawn',
    ])
      expect(await verdict(text), text).toBe('safeguarding');
  });
});
