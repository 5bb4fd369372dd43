/**
 * Draws the Teams app icons with pngjs (no image files kept in the repository):
 * a 192×192 colour icon (white speech bubble on the accent colour) and a 32×32 outline icon
 * (white on transparent, as Teams requires). `npx tsx scripts/teamsIcons.ts <dir>` writes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

type Rgba = [number, number, number, number];

function hexColour(hex: string): Rgba {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`accent colour ${hex} is not #RRGGBB`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 255];
}

/** A speech bubble in a unit square: body is a rounded rectangle, with a tail at the bottom left. */
function inBubble(u: number, v: number): boolean {
  const [x0, y0, x1, y1, r] = [0.12, 0.16, 0.88, 0.7, 0.1];
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  const inBody = u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  // Tail: triangle (0.26,0.68) (0.46,0.68) (0.2,0.88)
  const inTail = v >= 0.68 && v <= 0.88 && u >= 0.2 + (0.26 - 0.2) * ((0.88 - v) / 0.2) && u <= 0.2 + (0.46 - 0.2) * ((0.88 - v) / 0.2);
  return inBody || inTail;
}

function inDot(u: number, v: number): boolean {
  return [0.32, 0.5, 0.68].some((cx) => (u - cx) ** 2 + (v - 0.43) ** 2 <= 0.055 ** 2);
}

function draw(size: number, pixel: (u: number, v: number) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const rgba = pixel((x + 0.5) / size, (y + 0.5) / size);
      png.data.set(rgba, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** Full-bleed accent colour with a white bubble and three accent dots. */
export function colorIcon(accentHex: string): Buffer {
  const accent = hexColour(accentHex);
  return draw(COLOR_SIZE, (u, v) => (inBubble(u, v) && !inDot(u, v) ? WHITE : accent));
}

/** White bubble outline (2 px) on a transparent background. */
export function outlineIcon(): Buffer {
  const step = 2 / OUTLINE_SIZE;
  return draw(OUTLINE_SIZE, (u, v) => {
    if (!inBubble(u, v)) return TRANSPARENT;
    const edge = [
      [step, 0],
      [-step, 0],
      [0, step],
      [0, -step],
    ].some(([du, dv]) => !inBubble(u + du, v + dv));
    return edge || inDot(u, v) ? WHITE : TRANSPARENT;
  });
}

export function writeIcons(dir: string, accentHex: string): { color: string; outline: string } {
  fs.mkdirSync(dir, { recursive: true });
  const color = path.join(dir, 'color.png');
  const outline = path.join(dir, 'outline.png');
  fs.writeFileSync(color, colorIcon(accentHex));
  fs.writeFileSync(outline, outlineIcon());
  return { color, outline };
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', 'dist', 'teams');
  const written = writeIcons(dir, process.argv[3] ?? '#1D5C96');
  process.stdout.write(`wrote ${written.color} and ${written.outline}\n`);
}
