import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceCatalogue } from '../../backoffice/serviceCatalogue';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { readPostcode } from '../../servicerequests/gazetteer/postcodes';
import { CollectionEvents } from '../../servicerequests/waste/collectionEvents';
import { WasteSchedule } from '../../servicerequests/waste/wasteSchedule';

describe('Anytown gazetteer', () => {
  const g = Gazetteer.load(path.resolve('gazetteer'));

  it('has at least 300 addresses with UPRN, coordinates, ward and round, in every district AT1 to AT9', () => {
    expect(g.addresses.length).toBeGreaterThanOrEqual(300);
    expect([...g.districts].sort()).toEqual(['AT1', 'AT2', 'AT3', 'AT4', 'AT5', 'AT6', 'AT7', 'AT8', 'AT9']);
    const schedule = WasteSchedule.load(path.resolve('waste'));
    for (const a of g.addresses) {
      expect(a.uprn).toMatch(/^\d{12}$/);
      expect(Number.isFinite(a.lat) && Number.isFinite(a.long)).toBe(true);
      expect(a.ward).not.toBe('');
      expect(schedule.hasRound(a.round)).toBe(true);
      expect(readPostcode(a.postcode)).toMatchObject({ kind: 'postcode', postcode: a.postcode });
    }
    expect(new Set(g.addresses.map((a) => a.uprn)).size).toBe(g.addresses.length);
  });

  it('has several High Street addresses at AT1 1AA', () => {
    const here = g.byPostcode('AT1 1AA');
    expect(here.length).toBeGreaterThanOrEqual(3);
    expect(here.every((a) => a.street === 'High Street')).toBe(true);
  });

  it('is exactly what the committed script makes from its seed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaz-'));
    const out = path.join(dir, 'addresses.csv');
    execFileSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/generate-gazetteer.ts'), '20261126', out], { stdio: 'ignore' });
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.resolve('gazetteer/addresses.csv'), 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('postcodes', () => {
  it.each([
    ['at12bd', 'AT1 2BD'],
    ['AT1 1AA', 'AT1 1AA'],
    ['  at9 9zz ', 'AT9 9ZZ'],
  ])('reads %s as %s', (input, postcode) => expect(readPostcode(input)).toMatchObject({ kind: 'postcode', postcode }));
  it.each(['ZZ1', 'SW1A1AAA', 'AT1'])('calls %s invalid', (input) => expect(readPostcode(input).kind).toBe('invalid'));
});

describe('waste data and service definitions', () => {
  it('rounds collect weekly food and fortnightly bins, moved after bank holidays', () => {
    const s = WasteSchedule.load(path.resolve('waste'));
    const next = s.next('MON-A', '2026-08-31');
    expect(next.find((c) => c.container === 'food')).toMatchObject({
      date: '2026-09-01',
      usualDate: '2026-08-31',
      changedReason: expect.stringMatching(/Summer bank holiday/),
    });
    const food = s.next('MON-A', '2026-11-24').find((c) => c.container === 'food')!;
    expect(food.date).toBe('2026-11-30');
    expect(s.last('MON-A', 'general', '2026-12-06')?.date).toBe('2026-11-23');
  });

  it("knows the containers from the rounds file, not a list in code (a council's own bin keys)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-rounds-'));
    for (const f of fs.readdirSync('waste')) if (!fs.statSync(path.join('waste', f)).isDirectory()) fs.copyFileSync(path.join('waste', f), path.join(dir, f));
    const rounds = fs.readFileSync(path.join(dir, 'rounds.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'rounds.yaml'), rounds.replace(/^ {2}food: Food waste \(caddy\)$/m, '  food: Food waste (caddy)\n  glass: Glass (box)'));
    const s = WasteSchedule.load(dir);
    expect(s.isContainer('glass')).toBe(true);
    expect(s.isContainer('food')).toBe(true);
    expect(s.isContainer('sofa')).toBe(false);
    expect(WasteSchedule.load(path.resolve('waste')).isContainer('glass')).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('crew events load with known types', () => {
    const e = CollectionEvents.load(path.resolve('waste'));
    expect(e.find('MON-A', '2026-11-23', 'general', '100070000002')[0]?.event).toBe('not_presented');
    expect(e.find('TUE-B', '2026-11-24', 'general', 'any-uprn')[0]?.event).toBe('road_blocked');
  });

  it('every service definition is valid and has an LGSL code', () => {
    const c = ServiceCatalogue.load(path.resolve('services'));
    expect(c.problems).toEqual([]);
    for (const s of c.services) expect(s.keywords[0]).toMatch(/^LGSL \d+$/);
  });

  it('reports problems in a service file clearly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-'));
    fs.writeFileSync(
      path.join(dir, 'bad.yaml'),
      'service_code: x\nservice_name: X\nattributes:\n  - code: a\n    datatype: singlevaluelist\n    order: 1\n    description: Pick\n',
    );
    const c = ServiceCatalogue.load(dir);
    expect(c.problems[0]?.message).toMatch(/needs values/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the line of a misspelt key in a service file (unknown keys are mistakes), and of a value of the wrong kind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-'));
    fs.writeFileSync(
      path.join(dir, 'bad.yaml'),
      'service_code: x\nservice_name: X\nexpected_dayz: 5\nattributes:\n  - code: a\n    datatype: string\n    order: first\n    description: Say\n',
    );
    const problems = ServiceCatalogue.load(dir).problems;
    expect(problems).toContainEqual({ file: path.join(dir, 'bad.yaml'), line: 3, message: "expected_dayz: Unrecognized key(s) in object: 'expected_dayz'" });
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, message: expect.stringMatching(/^attributes\.0\.order: /) }));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
