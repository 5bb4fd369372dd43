import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../scripts/lib/fuzz/fuzzRun';
import { HostileInputs } from '../../scripts/lib/fuzz/hostileInputs';

/**
 * A short seeded slice of `npm run fuzz` against the real server process: hostile JSON,
 * multipart, tokens, cookies, WebSocket upgrades and frames over every public route.
 */
describe('seeded fuzz slice (npm run fuzz)', () => {
  it('ends no process, answers no 5xx, shows no internal text and leaves no temp file', async () => {
    const summary = await runFuzz({ seed: 20261204, count: 400, concurrency: 4, maxSeconds: 240 });
    const findings = summary.findings.map((f) => `[${f.what}] ${f.request} → ${f.status}: ${f.excerpt.slice(0, 200)}`).join('\n');
    expect(summary.inputs).toBe(400);
    expect({
      crashes: summary.crashes,
      '5xx': summary['5xx'],
      leaks: summary.leaks,
      lastResort: summary.lastResort,
      tempFiles: summary.tempFiles,
      findings,
    }).toEqual({
      crashes: 0,
      '5xx': 0,
      leaks: 0,
      lastResort: 0,
      tempFiles: 0,
      findings: '',
    });
    // Every family was exercised, and not only refused at the door.
    for (const family of ['messages', 'directline', 'websocket', 'agent', 'open311']) expect(summary.byFamily[family]?.inputs, family).toBeGreaterThan(10);
    expect(summary.byFamily.websocket?.statuses['101']).toBeGreaterThan(0);
    expect(summary.byFamily.messages?.statuses['200']).toBeGreaterThan(0);
  }, 300_000);
});

describe('the fuzz inputs', () => {
  const inputs = (seed: number) => {
    const h = new HostileInputs(seed);
    return Array.from({ length: 300 }, () => JSON.stringify(h.next()));
  };

  it('are the same for the same seed, and different for another', () => {
    expect(inputs(42)).toEqual(inputs(42));
    expect(inputs(43)).not.toEqual(inputs(42));
  });
});
