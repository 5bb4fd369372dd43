import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { MessageTexts } from '../../knowledge/messageFile';
import { SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { CollectionEvents } from '../../servicerequests/waste/collectionEvents';
import { MissedBinCheck } from '../../servicerequests/waste/missedBinCheck';
import { WasteSchedule } from '../../servicerequests/waste/wasteSchedule';

const WASTE = path.resolve('waste');
const ENGLISH_WORDS = /General waste|Recycling \(|Garden waste|Food waste|bank holiday|collections are|Our crew|Please/;

/** The waste data in Welsh (issue 21): a bin's name, a bank holiday and a crew's record are told in the conversation's language. */
describe('the waste data in Welsh (waste/cy-GB/words.yaml)', () => {
  const english = WasteSchedule.load(WASTE);
  const welsh = english.inLanguage(WASTE, 'cy-GB');
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('names each bin in Welsh, on the same dates as in English', () => {
    const en = english.next('MON-A', '2026-11-24');
    const cy = welsh.next('MON-A', '2026-11-24');
    expect(cy.map((c) => [c.container, c.date])).toEqual(en.map((c) => [c.container, c.date]));
    expect(cy.map((c) => c.containerName)).toEqual([
      'Gwastraff cyffredinol (bin llwyd)',
      'Ailgylchu (bin glas)',
      'Gwastraff gardd (bin gwyrdd)',
      'Gwastraff bwyd (cadi)',
    ]);
  });

  it('says why a bank holiday moved a collection in Welsh, by the rule and by an explicit change', () => {
    const summer = welsh.next('MON-A', '2026-08-31').find((c) => c.container === 'food')!;
    expect(summer).toMatchObject({ date: '2026-09-01', usualDate: '2026-08-31' });
    expect(summer.changedReason).toBe("Gŵyl banc yr haf: mae'r casgliadau ddiwrnod yn hwyrach yr wythnos honno");
    const christmas = welsh.revise('2026-12-25');
    expect(christmas).toEqual({ date: '2026-12-27', reason: 'Dydd Nadolig: mae casgliadau dydd Gwener ar ddydd Sul 27 Rhagfyr' });
    expect(english.revise('2026-12-25').reason).toMatch(/^Christmas Day/);
  });

  it("tells a crew's record in Welsh instead of taking a missed-bin report", () => {
    const council = loadCouncilProfile(path.resolve('knowledge/council.yaml'), undefined, 'cy-GB');
    const words = new MessageTexts(SERVICE_MESSAGES.load(SERVICE_MESSAGES.file(path.resolve('knowledge/messages'), 'cy-GB')), council);
    const check = new MissedBinCheck(welsh, CollectionEvents.load(WASTE).inLanguage(WASTE, 'cy-GB'), 2, words, 'cy-GB');
    const address = Gazetteer.load(path.resolve('gazetteer')).byUprn('100070000002')!;
    // Monday 23 November 2026: the crew recorded the grey bin at 2 High Street as not put out.
    const verdict = check.check(address, 'general', new Date('2026-11-24T10:00:00Z'));
    expect(verdict).toMatchObject({ ok: false, reason: 'crew_event' });
    if (verdict.ok) return;
    expect(verdict.message).toContain('Mae ein criw wedi cofnodi nad oedd eich gwastraff cyffredinol allan');
    expect(`${verdict.message} ${verdict.next}`).not.toMatch(ENGLISH_WORDS);
  });

  it('refuses Welsh words that leave a bin, a holiday, a change or a crew event without Welsh, naming each', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waste-cy-'));
    dirs.push(dir);
    fs.cpSync(WASTE, dir, { recursive: true });
    const file = path.join(dir, 'cy-GB', 'words.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text
        .replace(/^ {2}food: .*\n/m, '')
        .replace(/^ {2}2026-08-31: .*\n/m, '')
        .replace(/^ {2}2026-12-31: .*\n/m, '')
        .replace(/^ {2}damaged:\n(?: {4}.*\n){3}/m, ''),
    );
    const schedule = WasteSchedule.load(dir);
    expect(() => schedule.inLanguage(dir, 'cy-GB')).toThrow(
      /words\.yaml: no cy-GB words for containers\.food, holidays\.2026-08-31 \(Summer bank holiday\), changes\.2026-12-31$/,
    );
    expect(() => CollectionEvents.load(dir).inLanguage(dir, 'cy-GB')).toThrow(/no cy-GB words for events\.damaged$/);
    fs.rmSync(file);
    expect(() => schedule.inLanguage(dir, 'cy-GB')).toThrow(/words\.yaml: the cy-GB words of the waste data are missing/);
  });

  it('refuses a moved reason without the holiday in it, and a key it does not know', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waste-cy-'));
    dirs.push(dir);
    fs.cpSync(WASTE, dir, { recursive: true });
    const file = path.join(dir, 'cy-GB', 'words.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^moved_reason: .*$/m, 'moved_reason: "ddiwrnod yn hwyrach"\ncontainer_names: {}'));
    expect(() => WasteSchedule.load(dir).inLanguage(dir, 'cy-GB')).toThrow(/moved_reason: must say \{holiday\}.*Unrecognized key.*container_names/);
  });
});
