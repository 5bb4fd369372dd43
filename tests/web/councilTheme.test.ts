import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCouncilTheme } from '../../channels/web/councilTheme';

const SHIPPED = path.resolve(__dirname, '..', '..', 'web', 'council-theme.json');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'theme-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function themeFile(change: (theme: Record<string, unknown>) => void): string {
  const theme = JSON.parse(fs.readFileSync(SHIPPED, 'utf8')) as Record<string, unknown>;
  change(theme);
  const file = path.join(dir, `theme-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(theme));
  return file;
}

describe('web/council-theme.json', () => {
  it('loads as shipped', () => {
    expect(loadCouncilTheme(SHIPPED).logo).toMatch(/^\/assets\//);
  });

  it('refuses an assistantName, saying where the assistant’s name now lives (words residents read, one per language)', () => {
    const file = themeFile((t) => (t.assistantName = 'Ask Anytown'));
    expect(() => loadCouncilTheme(file)).toThrow(/assistantName: moved to knowledge\/chat-page\.yaml/);
  });

  it('refuses a text colour below WCAG AA contrast, naming the pair', () => {
    const file = themeFile((t) => ((t.colours as Record<string, string>).text = (t.colours as Record<string, string>).background));
    expect(() => loadCouncilTheme(file)).toThrow(/colours\.text on colours\.background has contrast 1\.00:1/);
  });
});
