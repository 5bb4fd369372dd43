import { z } from 'zod';
import { readYamlChecked } from '../intents/yamlProblems';
import type { CouncilProfile } from './councilProfile';
import { DEFAULT_LOCALE } from './intentMessages';
import { OVERLAYS, overlayFile } from './localeContent';
import { readWithOverlay } from './overlay';

const text = z.string().min(1);
export const deliveryMessagesSchema = z.object({
  told: z.object({ details_refused: text, refused: text }).strict(),
  status: z
    .object({
      sending: text,
      not_answering: text,
      held_back: text,
      registering: text,
      details_refused: text,
      refused: text,
      not_shown_yet: text,
      cannot_check: text,
      not_found: text,
    })
    .strict(),
});

const PLACEHOLDERS = new Set(['reference', 'official', 'phone', 'openingHours']);

export type DeliveryTexts = z.infer<typeof deliveryMessagesSchema>;
export type ToldKind = keyof DeliveryTexts['told'];
export type StatusKind = keyof DeliveryTexts['status'];

/**
 * knowledge/delivery-messages.yaml, checked: every message there, none missing, none unknown; for
 * another language, its words from the overlay (knowledge/<locale>/delivery-messages.yaml).
 */
export function loadDeliveryTexts(file: string, locale: string = DEFAULT_LOCALE): DeliveryTexts {
  const data =
    locale === DEFAULT_LOCALE
      ? readYamlChecked(file, deliveryMessagesSchema)
      : deliveryMessagesSchema.parse(readWithOverlay(file, overlayFile(file, locale), OVERLAYS.deliveryMessages));
  const problems: string[] = [];
  for (const [group, texts] of Object.entries(data))
    for (const [kind, say] of Object.entries(texts as Record<string, string>))
      for (const [, name] of say.matchAll(/\{(\w*)\}/g))
        if (!PLACEHOLDERS.has(name))
          problems.push(`${group}.${kind}: unknown placeholder {${name}} (use ${[...PLACEHOLDERS].map((p) => `{${p}}`).join(', ')})`);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return data;
}

/** The words about a report on its way to the council's system, with the council's numbers filled in. */
export class DeliveryMessages {
  constructor(
    private readonly texts: DeliveryTexts,
    private readonly council: CouncilProfile,
  ) {}

  told(kind: ToldKind, reference: string): string {
    return this.fill(this.texts.told[kind], { reference });
  }

  status(kind: StatusKind, reference: string, official = ''): string {
    return this.fill(this.texts.status[kind], { reference, official });
  }

  private fill(template: string, values: Record<string, string>): string {
    const all: Record<string, string> = { ...values, phone: this.council.phone, openingHours: this.council.openingHours };
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => all[name] ?? whole);
  }
}
