import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cannedRepliesIn, loadContactCentre } from '../../knowledge/contactCentre';

const SHIPPED = path.resolve('knowledge', 'contact-centre.yaml');
/** As handoff/ calls it: with the settings the contact centre's hours were read from. */
const repliesIn = (file: string, locale: string) => cannedRepliesIn(loadContactCentre(file), file, locale);

/** The canned replies staff may send, in the resident's language (knowledge/contact-centre.yaml and its overlays). */
describe('cannedRepliesIn', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("gives the shipped English replies for English and the Welsh overlay's for Welsh, the same number", () => {
    const english = repliesIn(SHIPPED, 'en-GB');
    const welsh = repliesIn(SHIPPED, 'cy-GB');
    expect(english.length).toBeGreaterThan(0);
    expect(welsh).toHaveLength(english.length);
    expect(welsh[0]).toMatch(/^Diolch am aros/);
    for (const reply of welsh) expect(english).not.toContain(reply);
  });

  it('offers a Welsh conversation no canned replies, never the English ones, when the settings have no Welsh overlay', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canned-'));
    dirs.push(dir);
    const file = path.join(dir, 'contact-centre.yaml');
    fs.copyFileSync(SHIPPED, file);
    expect(repliesIn(file, 'en-GB')).toEqual(repliesIn(SHIPPED, 'en-GB'));
    expect(repliesIn(file, 'cy-GB')).toEqual([]);
  });

  it('names the overlay file when its replies are malformed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canned-'));
    dirs.push(dir);
    const file = path.join(dir, 'contact-centre.yaml');
    fs.copyFileSync(SHIPPED, file);
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    fs.writeFileSync(path.join(dir, 'cy-GB', 'contact-centre.yaml'), 'cannedReplies: ["", 3]\n');
    expect(() => repliesIn(file, 'cy-GB')).toThrow(/cy-GB[/\\]contact-centre\.yaml: cannedReplies\.0/);
  });

  it('takes the English replies from the settings already read, without reading the file again', () => {
    const settings = { ...loadContactCentre(SHIPPED), cannedReplies: ['One moment, please.'] };
    expect(cannedRepliesIn(settings, path.join(os.tmpdir(), 'no-such-dir', 'contact-centre.yaml'), 'en-GB')).toEqual(['One moment, please.']);
  });
});
