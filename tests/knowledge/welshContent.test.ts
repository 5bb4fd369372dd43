import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../knowledge/articleLoader';
import { councilProfileSchema } from '../../knowledge/councilProfile';
import { mergeOverlay } from '../../knowledge/overlay';
import { loadTrainingData } from '../../intents/trainingData';
import { validateAll } from '../../scripts/validate';
import { welshFixture } from '../support/welshFixture';

const errors = (problems: ReturnType<typeof validateAll>) => problems.filter((p) => p.severity === 'error');
const lineOf = (file: string, re: RegExp) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => re.test(l)) + 1;

describe('Welsh content (languages: [en-GB, cy-GB])', () => {
  it('the profile declares its languages: English first, only the supported ones, English alone by default', () => {
    const base = { name: 'A', shortName: 'A', website: 'https://a.example', contactPage: 'https://a.example/c', privacyNotice: 'https://a.example/p' };
    const more = { phone: '01632 960 000', email: 'a@a.example', outOfHoursPhone: '01632 960 999', safeguardingPhone: '01632 960 111' };
    expect(councilProfileSchema.parse({ ...base, ...more }).languages).toEqual(['en-GB']);
    expect(councilProfileSchema.parse({ ...base, ...more, languages: ['en-GB', 'cy-GB'] }).languages).toEqual(['en-GB', 'cy-GB']);
    expect(councilProfileSchema.safeParse({ ...base, ...more, languages: ['cy-GB'] }).success).toBe(false);
    expect(councilProfileSchema.safeParse({ ...base, ...more, languages: ['en-GB', 'fr-FR'] }).success).toBe(false);
    expect(councilProfileSchema.safeParse({ ...base, ...more, languages: ['en-GB', 'cy-GB', 'cy-GB'] }).success).toBe(false);
  });

  it('a complete translation laid out as the convention says is valid, and the English loaders leave the cy-GB folders alone', () => {
    const { paths } = welshFixture();
    expect(errors(validateAll(paths))).toEqual([]);
    const english = loadArticles(paths.articlesDir!).articles;
    expect(english.every((a) => path.basename(path.dirname(a.file)) !== 'cy-GB')).toBe(true);
    expect(english.length).toBe(loadArticles(path.join(paths.articlesDir!, 'cy-GB')).articles.length);
    expect(loadTrainingData(paths.intentsDir).intents.every((d) => !d.file.includes(`${path.sep}cy-GB${path.sep}`))).toBe(true);
  });

  it('names every piece missing in Welsh, with its file and, where there is one, its line: an error, not a fallback', () => {
    const { paths, root } = welshFixture();
    const k = (...p: string[]) => path.join(root, 'knowledge', ...p);
    const i = (...p: string[]) => path.join(root, 'intents', ...p);
    // A message id, an article, an intent's training data, a risk category, the Welsh cue rules.
    const buttons = k('messages', 'cy-GB', 'buttons.yaml');
    fs.writeFileSync(buttons, fs.readFileSync(buttons, 'utf8').replace(/^cancel:.*\n/m, ''));
    fs.rmSync(k('articles', 'cy-GB', 'blue-badge.md'));
    fs.rmSync(i('data', 'cy-GB', 'report_pothole.yaml'));
    fs.rmSync(i('risk', 'cy-GB', 'domestic_abuse.yaml'));
    fs.rmSync(i('cy-GB', 'safeguarding-rules.yaml'));
    // An overlay's word taken out, a setting and an unknown key put in.
    const page = k('cy-GB', 'chat-page.yaml');
    // …and of the page's own text (under page:), one taken out and one whose link is left out of its sentence.
    fs.writeFileSync(
      page,
      fs
        .readFileSync(page, 'utf8')
        .replace(/^endChat:.*\n/m, '')
        .replace(/^ {2}startAgain:.*\n/m, '')
        .replace(/^ {2}privacy: .*$/m, '  privacy: "[cy] Do not type bank or card details."'),
    );
    const service = path.join(root, 'services', 'cy-GB', 'pothole.yaml');
    fs.appendFileSync(service, 'expected_days: 3\nservice_nmae: Twll yn y ffordd\n');
    // Web Chat's own strings: one left out, one with the wrong placeholder.
    const webchat = k('messages', 'cy-GB', 'webchat.yaml');
    fs.writeFileSync(
      webchat,
      fs
        .readFileSync(webchat, 'utf8')
        .replace(/^TEXT_INPUT_PLACEHOLDER:.*\n/m, '')
        .replace(/^ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT:.*$/m, 'ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT: Anfonwyd'),
    );
    const teams = path.join(root, 'deploymentTemplates', 'teams', 'cy.json');
    const words = JSON.parse(fs.readFileSync(teams, 'utf8')) as Record<string, string>;
    delete words['description.short'];
    fs.writeFileSync(teams, JSON.stringify(words));

    const problems = errors(validateAll(paths));
    const at = (file: string, message: RegExp) => problems.find((p) => p.file === file && message.test(p.message));
    expect(at(buttons, /cancel: missing/), JSON.stringify(problems)).toMatchObject({ line: expect.any(Number) });
    expect(at(k('articles', 'cy-GB', 'blue-badge.md'), /missing: the cy-GB article blue-badge/)).toBeDefined();
    expect(at(i('data', 'cy-GB', 'report_pothole.yaml'), /missing: the cy-GB training data of the intent "report_pothole"/)).toBeDefined();
    expect(at(i('risk', 'cy-GB', 'domestic_abuse.yaml'), /domestic_abuse/)).toBeDefined();
    expect(at(i('cy-GB', 'safeguarding-rules.yaml'), /missing/)).toBeDefined();
    expect(at(page, /endChat: missing/)).toBeDefined();
    expect(at(page, /page\.startAgain: missing \(the Welsh for "Start again"\)/)).toMatchObject({ line: lineOf(page, /^page:/) });
    expect(at(page, /page\.privacy: must contain \{link\}/)).toMatchObject({ line: lineOf(page, /^ {2}privacy:/) });
    expect(at(service, /expected_days: a setting, not words/)).toMatchObject({ line: lineOf(service, /^expected_days:/) });
    expect(at(service, /service_nmae: not in /)).toMatchObject({ line: lineOf(service, /^service_nmae:/) });
    expect(at(teams, /description.short: missing/)).toBeDefined();
    expect(at(webchat, /TEXT_INPUT_PLACEHOLDER: missing \(Web Chat's English: "Type your message"\)/)).toBeDefined();
    expect(at(webchat, /ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT: must use \$1/)).toMatchObject({
      line: lineOf(webchat, /^ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT:/),
    });
    expect(problems).toHaveLength(13);
  });

  it("an answer's length is checked against its language's limit (answerWords in council.yaml): Welsh says the same in more words", () => {
    const { paths, root } = welshFixture();
    const k = (...p: string[]) => path.join(root, 'knowledge', ...p);
    const lengthen = (file: string, words: number) => {
      const text = fs.readFileSync(file, 'utf8');
      const end = text.indexOf('---', 4) + 3;
      fs.writeFileSync(file, `${text.slice(0, end)}\n\n${Array.from({ length: words }, (_, i) => `gair${i}`).join(' ')}\n`);
    };
    lengthen(k('articles', 'jobs.md'), 175);
    lengthen(k('articles', 'cy-GB', 'jobs.md'), 175);
    const long = (problems: ReturnType<typeof validateAll>) =>
      problems.filter((p) => /words long/.test(p.message)).map((p) => [path.relative(root, p.file), p.message]);
    const council = k('council.yaml');
    const profile = fs.readFileSync(council, 'utf8');
    expect(profile).toMatch(/answerWords:\n {2}en-GB: 160\n {2}cy-GB: 187/);
    expect(long(validateAll(paths))).toEqual([
      [path.join('knowledge', 'articles', 'jobs.md'), 'the answer is 175 words long: keep it to 160 or fewer (aim for 120) and link to the full page'],
    ]);
    fs.writeFileSync(council, profile.replace(/ {2}cy-GB: 187/, '  cy-GB: 170'));
    expect(long(validateAll(paths))).toEqual([
      [path.join('knowledge', 'articles', 'jobs.md'), 'the answer is 175 words long: keep it to 160 or fewer (aim for 120) and link to the full page'],
      [path.join('knowledge', 'articles', 'cy-GB', 'jobs.md'), 'the answer is 175 words long: keep it to 170 or fewer (aim for 128) and link to the full page'],
    ]);
  });

  it('with English alone declared, the Welsh files are not required', () => {
    const { paths } = welshFixture({ declare: false });
    fs.rmSync(path.join(path.dirname(paths.councilProfile), 'cy-GB'), { recursive: true });
    fs.rmSync(path.join(paths.articlesDir!, 'cy-GB'), { recursive: true });
    expect(errors(validateAll(paths))).toEqual([]);
  });

  it('an overlay is laid over the English file: objects by key, lists by index, a list of phrases replaced whole', () => {
    const english = {
      a: 'one',
      s: 3,
      list: [
        { say: 'x', when: 1 },
        { say: 'y', when: 2 },
      ],
      phrases: ['p', 'q', 'r'],
    };
    const merged = mergeOverlay(
      english,
      { a: 'un', list: [{ say: 'ex' }, { say: 'wy' }], phrases: ['pi'] },
      { words: ['a', 'list.*.say'], lists: ['phrases'] },
    );
    expect(merged).toEqual({
      a: 'un',
      s: 3,
      list: [
        { say: 'ex', when: 1 },
        { say: 'wy', when: 2 },
      ],
      phrases: ['pi'],
    });
  });
});
