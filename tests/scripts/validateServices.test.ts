import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const run = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'validate-services.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('npm run validate:services', () => {
  it('finds the project data valid', () => {
    const result = run();
    expect(result.stderr).not.toMatch(/problem:/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/services ok/);
  });

  it('names a crew event recorded against an address on another round (it would be silently ignored)', () => {
    const waste = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-waste-'));
    fs.cpSync(path.join(ROOT, 'waste'), waste, { recursive: true });
    fs.appendFileSync(path.join(waste, 'collection-events.csv'), '2026-11-27,FRI-A,100070000460,garden,lid_open,\n');
    const result = run({ WASTE_DIR: waste });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/UPRN 100070000460 \(10 Acorn Close\) is on round THU-B, not FRI-A/);
  }, 30_000);

  it('names urgent advice and limits that name an attribute or a value the service does not have', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-requests-')), 'service-requests.yaml');
    const original = fs.readFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), 'utf8');
    fs.writeFileSync(
      file,
      original
        .replace('when: { fault_type: wiring }', 'when: { fault_type: sparks }')
        .replace('when: { fault_type: damaged }', 'when: { colour: red }')
        .replace('item_count: { min: items, max: 5 }', 'item_count: { min: location_on_property, max: 5 }'),
    );
    const result = run({ SERVICE_REQUESTS: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/report_streetlight urgent\/refuse: "sparks" is not a value of fault_type/);
    expect(result.stderr).toMatch(/report_streetlight urgent\/refuse: streetlight has no attribute "colour"/);
    expect(result.stderr).toMatch(/book_bulky_waste limits: item_count min "location_on_property" must name a multivaluelist attribute/);
  }, 30_000);

  it('names, with its line, a word for a value the attribute does not have, a key a number cannot have, and words under two values', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-requests-')), 'service-requests.yaml');
    const original = fs.readFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), 'utf8');
    const changed = original
      .replace('      tyres: [tyre,', '      tyre: [tyre]\n      tyres: [rubble, tyre,')
      .replace('    width_cm:\n      near:', '    width_cm:\n      skip:');
    fs.writeFileSync(file, changed);
    const lineOf = (text: string) => changed.split('\n').findIndex((l) => l.includes(text)) + 1;
    const result = run({ SERVICE_REQUESTS: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `service-requests.yaml:${lineOf('      tyre: [tyre]')}: report_flytipping understands waste_type: "tyre" is not a value of waste_type`,
    );
    expect(result.stderr).toContain(
      `service-requests.yaml:${lineOf('      tyres: [rubble')}: report_flytipping understands waste_type: "rubble" is under both building and tyres`,
    );
    expect(result.stderr).toMatch(/report_pothole understands width_cm: "skip" is not a key for width_cm \(near\)/);
  }, 30_000);

  it('names, with its line, an estimate from an attribute that is not a list, a band value the attribute does not have, and a band without up_to before the last', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-requests-')), 'service-requests.yaml');
    const original = fs.readFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), 'utf8');
    const changed = original
      .replace('      from: waste_type', '      from: hazardous')
      .replace('        - { up_to: 10, value: car_boot }', '        - { up_to: 10, value: boot }')
      .replace('        - { up_to: 30, value: van_load }', '        - { value: van_load }');
    fs.writeFileSync(file, changed);
    const lineOf = (text: string) => changed.split('\n').findIndex((l) => l.includes(text)) + 1;
    const result = run({ SERVICE_REQUESTS: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `service-requests.yaml:${lineOf('      from: hazardous')}: report_flytipping estimates amount: from "hazardous" must name a multivaluelist attribute of flytipping`,
    );
    expect(result.stderr).toContain(`service-requests.yaml:${lineOf('value: boot }')}: report_flytipping estimates amount: "boot" is not a value of amount`);
    expect(result.stderr).toContain(
      `service-requests.yaml:${lineOf('        - { value: van_load }')}: report_flytipping estimates amount: only the last band may leave out up_to`,
    );
  }, 30_000);

  it("names, with its line, a price in a request's notice or summary that its article does not state, and one the article states that no band says", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-requests-'));
    const file = path.join(dir, 'service-requests.yaml');
    const original = fs.readFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), 'utf8');
    // The article still says £30 and £45: a content designer raised the summary's first band and the notice's second only.
    const changed = original
      .replace('(£30 for 1 or 2 items, £45 for 3 to 5,', '(£30 for 1 or 2 items, £48 for 3 to 5,')
      .replace('- { up_to: 2, say: "£30 for 1 or 2 items', '- { up_to: 2, say: "£32.50 for 1 or 2 items');
    fs.writeFileSync(file, changed);
    fs.cpSync(path.join(ROOT, 'knowledge', 'cy-GB', 'service-requests.yaml'), path.join(dir, 'cy-GB', 'service-requests.yaml'));
    const lineOf = (text: string) => changed.split('\n').findIndex((l) => l.includes(text)) + 1;
    const result = run({ SERVICE_REQUESTS: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `service-requests.yaml:${lineOf('£48 for 3 to 5')}: book_bulky_waste notice: £48 is not a price the article bulky-waste states`,
    );
    expect(result.stderr).toContain(
      `service-requests.yaml:${lineOf('say: "£32.50')}: book_bulky_waste cost: £32.50 is not a price the article bulky-waste states`,
    );
    expect(result.stderr).toContain('book_bulky_waste cost: the article bulky-waste states £30, which no cost band says');
    // The Welsh settings, unchanged, still agree with the Welsh article.
    expect(result.stderr).not.toMatch(/cy-GB\/service-requests\.yaml: book_bulky_waste/);
  }, 30_000);

  it("names a Welsh request's price that the Welsh article does not state", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-requests-'));
    const file = path.join(dir, 'service-requests.yaml');
    fs.copyFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), file);
    const welsh = fs.readFileSync(path.join(ROOT, 'knowledge', 'cy-GB', 'service-requests.yaml'), 'utf8');
    fs.mkdirSync(path.join(dir, 'cy-GB'));
    fs.writeFileSync(path.join(dir, 'cy-GB', 'service-requests.yaml'), welsh.replace('say: "£45 am 3 i 5 eitem', 'say: "£55 am 3 i 5 eitem'));
    const result = run({ SERVICE_REQUESTS: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('knowledge/cy-GB/service-requests.yaml: book_bulky_waste cost: £55 is not a price the article bulky-waste states');
    expect(result.stderr).toContain(
      'knowledge/cy-GB/service-requests.yaml: book_bulky_waste cost: the article bulky-waste states £45, which no cost band says',
    );
  }, 30_000);

  it("takes a service's intent from the training data, and names with its line a service whose intent has no training file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-service-intent-'));
    const file = path.join(dir, 'service-requests.yaml');
    const original = fs.readFileSync(path.join(ROOT, 'knowledge', 'service-requests.yaml'), 'utf8');
    // A second way to report a road defect, filed to the pothole service: an intent no TypeScript names.
    const block = original.slice(original.indexOf('report_pothole:'), original.indexOf('report_flytipping:'));
    const changed = `${original.trimEnd()}\n${block.replace('report_pothole:', 'report_sunken_kerb:')}`;
    fs.writeFileSync(file, changed);
    const line = changed.split('\n').indexOf('report_sunken_kerb:') + 1;
    const without = run({ SERVICE_REQUESTS: file });
    expect(without.status).toBe(1);
    expect(without.stderr).toContain(`service-requests.yaml:${line}: report_sunken_kerb is not an intent: intents/data has no training file for it`);
    // Its training file, data alone, makes it an intent.
    const intents = path.join(dir, 'intents');
    fs.cpSync(path.join(ROOT, 'intents', 'data'), intents, { recursive: true });
    const examples = Array.from({ length: 30 }, (_, i) => `  - the kerb outside number ${i + 1} has sunk`).join('\n');
    fs.writeFileSync(
      path.join(intents, 'report_sunken_kerb.yaml'),
      `intent: report_sunken_kerb\ndescription: A kerb stone has sunk or come loose.\nlgsl: null\nexamples:\n${examples}\n`,
    );
    const withData = run({ SERVICE_REQUESTS: file, INTENTS_DIR: intents });
    expect(withData.stderr).not.toMatch(/report_sunken_kerb is not an intent/);
    expect(withData.status).toBe(0);
  }, 60_000);
});
