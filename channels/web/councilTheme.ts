import fs from 'node:fs';
import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d70b8');

export const councilThemeSchema = z.object({
  name: z.string().min(1).max(120),
  /** Path under /assets or an https URL. */
  logo: z.string().regex(/^(\/assets\/[A-Za-z0-9._-]+|https:\/\/\S+)$/, 'must be /assets/<file> or an https:// URL'),
  website: z.string().url(),
  privacyNotice: z.string().url(),
  colours: z.object({
    header: colour,
    headerText: colour,
    brand: colour,
    brandText: colour,
    text: colour,
    secondaryText: colour,
    background: colour,
    panel: colour,
    botBubble: colour,
    botBubbleText: colour,
    userBubble: colour,
    userBubbleText: colour,
    link: colour,
    focus: colour,
    focusText: colour,
  }),
});

export type CouncilTheme = z.infer<typeof councilThemeSchema>;

/** Pairs of [text, background] that must reach WCAG 2.2 AA contrast for normal text (4.5:1). */
const PAIRS: Array<[keyof CouncilTheme['colours'], keyof CouncilTheme['colours']]> = [
  ['headerText', 'header'],
  ['brandText', 'brand'],
  ['text', 'background'],
  ['secondaryText', 'background'],
  ['text', 'panel'],
  ['botBubbleText', 'botBubble'],
  ['userBubbleText', 'userBubble'],
  ['link', 'background'],
  ['focusText', 'focus'],
];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Reads and checks web/council-theme.json; problems name the field and what to change. */
export function loadCouncilTheme(file: string): CouncilTheme {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  // The assistant's name is words residents read, in each language: it moved to knowledge/chat-page.yaml.
  if (raw !== null && typeof raw === 'object' && 'assistantName' in raw)
    throw new Error(
      `${file}: assistantName: moved to knowledge/chat-page.yaml (and its Welsh overlay, knowledge/cy-GB/chat-page.yaml), one per language; delete it here`,
    );
  const parsed = councilThemeSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = parsed.data.colours;
  const weak = PAIRS.filter(([fg, bg]) => contrastRatio(c[fg], c[bg]) < 4.5).map(
    ([fg, bg]) => `colours.${fg} on colours.${bg} has contrast ${contrastRatio(c[fg], c[bg]).toFixed(2)}:1, WCAG AA needs 4.5:1`,
  );
  if (weak.length) throw new Error(`${file}: ${weak.join('; ')}`);
  return parsed.data;
}

/** The theme as CSS custom properties, for the page's <style>. */
export function themeCss(theme: CouncilTheme): string {
  const vars = Object.entries(theme.colours).map(([k, v]) => `--council-${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}: ${v};`);
  return `:root { ${vars.join(' ')} }`;
}
