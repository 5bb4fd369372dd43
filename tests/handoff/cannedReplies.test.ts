import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cannedRepliesIn } from '../../knowledge/contactCentre';

const SHIPPED = path.resolve('knowledge', 'contact-centre.yaml');

/** The canned replies staff may send, in the resident's language (knowledge/contact-centre.yaml and its overlays). */
describe('cannedRepliesIn', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("gives the shipped English replies for English and the Welsh overlay's for Welsh, the same number", () => {
    const english = cannedRepliesIn(SHIPPED, 'en-GB');
    const welsh = cannedRepliesIn(SHIPPED, 'cy-GB');
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
    expect(cannedRepliesIn(file, 'en-GB')).toEqual(cannedRepliesIn(SHIPPED, 'en-GB'));
    expect(cannedRepliesIn(file, 'cy-GB')).toEqual([]);
  });

  it('names the overlay file when its replies are malformed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canned-'));
    dirs.push(dir);
    const file = path.join(dir, 'contact-centre.yaml');
    fs.copyFileSync(SHIPPED, file);
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    fs.writeFileSync(path.join(dir, 'cy-GB', 'contact-centre.yaml'), 'cannedReplies: ["", 3]\n');
    expect(() => cannedRepliesIn(file, 'cy-GB')).toThrow(/cy-GB[/\\]contact-centre\.yaml: cannedReplies\.0/);
  });
});
