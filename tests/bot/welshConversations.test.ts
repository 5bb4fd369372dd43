import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { loadDeliveryTexts } from '../../knowledge/deliveryMessages';
import { SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import { createLogger } from '../../platform/logger';
import { KyselyStorage } from '../../platform/storage/kyselyStorage';
import { ConversationDriver, choicesOf, replyText } from '../support/conversationRunner';
import { ROOT } from '../support/assistant';
import { freshDataFolder } from '../support/dataFolder';

/** Sunday 6 December 2026, midday in London: "ddoe" is Saturday 5 December, a day 7 High Street's grey bin was due. */
const NOW = new Date('2026-12-06T12:00:00Z');
const WELSH_DAY =
  /Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul), \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)/;
const ENGLISH_DAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const welshDelivery = loadDeliveryTexts(path.join(ROOT, 'knowledge', 'delivery-messages.yaml'), 'cy-GB');
const welshServices = SERVICE_MESSAGES.load(SERVICE_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages'), 'cy-GB'));

/**
 * Whole Welsh conversations through the whole assistant (service requests into the built-in back office, the
 * handoff, a real SQLite file), a Welsh page declaring cy-GB on every message: the resident's own Welsh words
 * are understood, and dates are said in Welsh.
 */
describe('a conversation in Welsh', () => {
  let app: App;
  let dataDir: string;
  let n = 0;
  beforeAll(async () => {
    dataDir = freshDataFolder('ca-welsh-words');
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      CONTACT_CENTRE_CONFIG: path.join(ROOT, 'tests', 'handoff', 'fixtures', 'always-open.yaml'),
    });
    app = await createApp(config, createLogger('silent'), 'test', { now: () => NOW });
    await app.server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function resident() {
    const id = `welsh-${++n}`;
    const driver = new ConversationDriver(app.assistant.bot, new KyselyStorage(app.database.db), id, 'cy-GB');
    const say = async (text: string) => {
      const outcome = await driver.say(text);
      return { text: replyText(outcome), choices: choicesOf(outcome), route: outcome.route };
    };
    return { id, say };
  }

  it('waiting for a person, "gadael y ciw" leaves the queue', async () => {
    const { id, say } = resident();
    await say('Siarad â pherson');
    const queued = await app.handoff.store.openFor(id);
    expect(queued?.status).toBe('queued');
    await say('gadael y ciw');
    expect(await app.handoff.store.openFor(id)).toBeUndefined();
    expect((await app.handoff.store.get(queued!.id))?.endReason).toBe('resident_left_queue');
  });

  it('talking to a person, "gorffen y sgwrs" ends the chat', async () => {
    const { id, say } = resident();
    await say('Siarad â pherson');
    const open = (await app.handoff.store.openFor(id))!;
    const staff = await app.handoff.staff.addAccount('eleri', 'Eleri', 'correct horse battery staple');
    expect(await app.handoff.store.accept(open.id, staff.id)).toBe(true);
    await say('gorffen y sgwrs');
    expect((await app.handoff.store.get(open.id))?.endReason).toBe('resident_ended');
  });

  it('says a bin day in Welsh', async () => {
    const { say } = resident();
    await say('Pryd mae fy min yn cael ei gasglu?');
    await say('AT1 1AA');
    const days = await say('1');
    expect(days.text).toMatch(WELSH_DAY);
    expect(days.text).not.toMatch(ENGLISH_DAY);
    // The bins by their Welsh names (waste/cy-GB/words.yaml), not the waste data's English ones.
    expect(days.text).toContain('Gwastraff cyffredinol (bin llwyd)');
    expect(days.text).not.toMatch(/General waste|Recycling \(/);
  });

  it("a street named by its Welsh name (the gazetteer's street_cy) is found, and shown with that name and the English one", async () => {
    const bins = resident();
    await bins.say('Pryd mae fy min yn cael ei gasglu?');
    const days = await bins.say('5 lon y felin');
    expect(days.text).toContain('5 Lôn y Felin (Mill Lane), Anytown, AT3');
    expect(days.text).toMatch(WELSH_DAY);
    const light = resident();
    const place = await light.say('mae golau stryd wedi torri ar Stryd y Bont ers nos Sul');
    expect(place.text).toContain('Stryd y Bont (Bridge Street)');
  });

  it('reads "ddoe" as the date, writes it in Welsh in the summary, and "fy adroddiad" is the report just made', async () => {
    const { say } = resident();
    await say('mae fy min i heb gael ei gasglu');
    await say('7 High Street AT1 1AA');
    await say('bin du');
    const date = await say('ddoe');
    expect(date.text).not.toContain(welshServices.invalid_date);
    expect(date.choices).toEqual(['Oedd', 'Nac oedd']);
    const summary = await say('Oedd');
    expect(summary.text).toContain('Dydd Sadwrn, 5 Rhagfyr');
    const filed = await say('Anfon');
    const reference = /AT-\d{8}/.exec(filed.text)?.[0];
    expect(reference, filed.text).toBeDefined();
    const status = await say("beth sy'n digwydd gyda fy adroddiad?");
    expect(status.route).toBe('check_case_status');
    expect(status.text).toContain(reference);
  });

  it('an email address typed at "Ga i ei anfon?" is kept, and said so in Welsh (added_contact), not in English', async () => {
    const { say } = resident();
    for (const text of ['mae fy min i heb gael ei gasglu', '7 High Street AT1 1AA', 'bin du', 'ddoe']) await say(text);
    const summary = await say('Oedd');
    expect(summary.text).toContain('Dydd Sadwrn, 5 Rhagfyr');
    const added = await say('jo@example.com');
    expect(added.text).toContain(welshServices.changed.replace('{changes}', welshServices.added_contact));
    expect(added.text).not.toMatch(/contact details/);
  });

  it('asked about a report it cannot find, says so in Welsh (knowledge/cy-GB/delivery-messages.yaml), not in English', async () => {
    const { say } = resident();
    const status = await say("beth sy'n digwydd gyda fy adroddiad AT-99999999?");
    expect(status.route).toBe('check_case_status');
    expect(status.text).toContain(welshDelivery.status.not_found.split('{reference}')[0]);
    expect(status.text).not.toMatch(/can't find a report|Please check it/);
  });

  it('after a question answered mid-request, "ie plis" goes back to the request', async () => {
    const { say } = resident();
    await say('mae fy min i heb gael ei gasglu');
    await say('7 High Street AT1 1AA');
    const asked = await say('bin du');
    const answered = await say('sut ydw i’n talu treth y cyngor?');
    expect(answered.choices).toContain('Parhau');
    const back = await say('ie plis');
    expect(back.text).not.toContain(welshServices.invalid_date);
    expect(back.text).toContain(asked.text.split('\n').at(-1));
  });

  it('at "Shall I send it?", "dim ond y soffa" leaves only the sofa on the list', async () => {
    const { say } = resident();
    for (const text of [
      'Dw i eisiau trefnu casgliad gwastraff swmpus',
      '7 High Street AT1 1AA',
      'Soffa',
      'Cadair freichiau',
      "Dyna'r cyfan",
      '2',
      'hepgor',
      'jo@example.com',
    ])
      await say(text);
    const summary = await say('Jo Jones');
    expect(summary.text).toContain('Soffa, Cadair freichiau');
    const only = await say('dim ond y soffa');
    expect(only.text).toContain('Soffa');
    expect(only.text).not.toContain('Cadair freichiau');
  });

  it('two needs in one message: the missed bin is taken first, with the details given with it, and the other is offered', async () => {
    const { say } = resident();
    const first = await say("Mae'r bin du heb ei gasglu ddoe, a hefyd pryd mae'r ganolfan ailgylchu ar agor dydd Sul?");
    expect(first.route).toBe('report_missed_bin');
    expect(first.choices).toContain('Canolfan Ailgylchu Gwastraff y Cartref (y tip)');
    // "Yr un du i ddechrau" (the black one first) with the address: the address is taken, the bin and the day are not asked again.
    const next = await say('Yr un du i ddechrau. 7 High Street, AT1 1AA');
    expect(next.choices).toEqual(['Oedd', 'Nac oedd']);
  });

  it('a mutated word is understood as its radical: "dwll" (after "mae \'na") is a pothole', async () => {
    // The Welsh classifier's features undo mutations, as retrieval does: before, these went to an article or to "not understood".
    for (const text of [
      "Mae 'na dwll mawr ar Heol y Castell",
      "Hefyd mae 'na dwll newydd ar Heol yr Orsaf, tu allan i'r banc",
      "Ma' 'na dwll anferth wedi agor ar Church Street",
    ]) {
      const { say } = resident();
      expect((await say(text)).route, text).toBe('report_pothole');
    }
  });

  it('a short everyday question about how long something takes is not a safeguarding risk', async () => {
    const { say } = resident();
    await say('Sut ydw i’n gwneud cais am fathodyn glas?');
    for (const text of ["Faint o amser mae e'n cymryd?", 'Pa mor hir fydd y cais?']) {
      const reply = await say(text);
      expect(reply.route, text).not.toBe('safeguarding');
      expect(reply.text, text).not.toContain('999');
    }
  });

  it('two needs: a bin "heb ei wagio" on a weekday is a missed bin, not a bin-day question, and the other need is offered', async () => {
    // "heb ei wagio ddydd Gwener" (not emptied on Friday) shares its words with "pryd mae'r bin yn cael ei wagio" (bin day):
    // the Welsh synonyms make "not emptied" one phrase with "not collected", as the missed-bin examples say it.
    const { say } = resident();
    const first = await say("Mae'r bin glas heb ei wagio ddydd Gwener, a hefyd sut dw i'n talu'r dreth gyngor?");
    expect(first.route).toBe('report_missed_bin');
    expect(first.choices).toContain('Talu eich Treth y Cyngor');
  });

  it('a question asked with a wish to speak to someone in the office is answered, and a person offered', async () => {
    const { say } = resident();
    const reply = await say("Sut ydw i'n gwneud cais am fathodyn glas i mam? Dw i ddim yn deall y ffurflen ar y we, hoffwn i siarad ag aelod o staff.");
    expect(reply.route).toMatch(/^kb:/);
    expect(reply.choices).toContain('Siarad â pherson');
  });
});
