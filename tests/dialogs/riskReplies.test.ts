import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandoffResponses } from '../../handoff/handoffResponses';
import { Responses } from '../../dialogs/responses';
import { phoneLink } from '../../dialogs/riskReplies';
import { loadRiskTaxonomy } from '../../intents/riskTaxonomy';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { shippedButtons } from '../support/shippedWords';

const ROOT = path.resolve(__dirname, '..', '..');
const council = loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml'));
const taxonomy = loadRiskTaxonomy(path.join(ROOT, 'intents', 'risk-taxonomy.yaml'));
const responses = new Responses(council, shippedButtons(), taxonomy);
const firstLine = (text: string) => text.split('\n')[0];

describe('risk replies (intents/risk-taxonomy.yaml + the council profile)', () => {
  it('a danger reported about others starts with the action, not sympathy', () => {
    const r = responses.safeguarding({ category: 'immediate_danger', categories: ['immediate_danger'], about: 'stranger' });
    expect(firstLine(r.text)).toMatch(/^Call \[999\]\(tel:999\) now\./);
    expect(r.text).not.toMatch(/sorry you're going through/i);
    expect(r.text).toContain('[0800 111 999](tel:0800111999)');
    expect(r.choices).toEqual(['Talk to a person', 'Carry on']);
  });

  it('who it is about changes the action: a fire at home, a neighbour, a child', () => {
    const self = firstLine(responses.safeguarding({ category: 'immediate_danger', about: 'self' }).text);
    const child = firstLine(responses.safeguarding({ category: 'immediate_danger', about: 'child' }).text);
    expect(self).toMatch(/get yourself safe/);
    expect(child).toMatch(/where the child is/);
  });

  it('suicide and self-harm: 999 if in danger, Samaritans and SHOUT as links', () => {
    const r = responses.safeguarding({ category: 'suicide_self_harm', about: 'known' });
    expect(firstLine(r.text)).toMatch(/If they are in danger now.*\[999\]\(tel:999\)/);
    expect(r.text).toContain('[116 123](tel:116123)');
    expect(r.text).toContain('[85258](sms:85258)');
  });

  it("a child at risk: the council's children's services number from the profile, and the NSPCC", () => {
    const r = responses.safeguarding({ category: 'child_at_risk', about: 'child' });
    expect(firstLine(r.text)).toContain(`[${council.childrensServicesPhone}](tel:${council.childrensServicesPhone!.replace(/ /g, '')})`);
    expect(r.text).toContain('[0808 800 5000](tel:08088005000)');
  });

  it('an adult at risk: adult safeguarding, police 101 for a welfare concern, the Modern Slavery Helpline', () => {
    const r = responses.safeguarding({ category: 'adult_at_risk' });
    expect(firstLine(r.text)).toContain(council.adultSafeguardingPhone!);
    expect(r.text).toContain('[101](tel:101)');
    expect(r.text).toContain('[08000 121 700](tel:08000121700)');
  });

  it("a message in two categories follows the first and adds the other's help", () => {
    const r = responses.safeguarding({ category: 'immediate_danger', categories: ['immediate_danger', 'domestic_abuse'] });
    expect(firstLine(r.text)).toMatch(/^Call \[999\]/);
    expect(r.text).toContain('[0808 2000 247](tel:08082000247)');
  });

  it("a council without a children's services number gives its safeguarding number instead", () => {
    const { childrensServicesPhone: _, ...without } = council;
    const r = new Responses(without, shippedButtons(), taxonomy).safeguarding({ category: 'child_at_risk' });
    expect(r.text).toContain(council.safeguardingPhone);
    expect(r.text).not.toContain('{council:');
  });

  it('without a category (or a taxonomy) the general reply lists every helpline', () => {
    for (const r of [responses.safeguarding({}), new Responses(council, shippedButtons()).safeguarding({ category: 'child_at_risk' })]) {
      expect(r.text).toMatch(/999[\s\S]*116 123[\s\S]*0808 2000 247/);
    }
  });

  it('the general helplines, also around a handoff, come from the taxonomy, not from the code', () => {
    const changed = { ...taxonomy, helplines: { ...taxonomy.helplines, samaritans: { name: 'Samaritans', number: '116 999' } } };
    const texts = [
      new Responses(council, shippedButtons(), changed).safeguarding({}).text,
      new Responses(council, shippedButtons(), changed).safeguardingWhileArranging().text,
      new HandoffResponses(council, shippedButtons(), changed).safeguardingWhileWithPerson().text,
      new HandoffResponses(council, shippedButtons(), changed).closedOfferCallback(true).text,
    ];
    for (const text of texts) {
      expect(text).toContain('[116 999](tel:116999)');
      expect(text).not.toContain('116 123');
      expect(text).toMatch(/\[999\]\(tel:999\)/);
    }
  });

  it('phone links keep the number as residents read it', () => {
    expect(phoneLink('01632 960 222')).toBe('[01632 960 222](tel:01632960222)');
    expect(phoneLink('85258', true)).toBe('[85258](sms:85258)');
  });
});
