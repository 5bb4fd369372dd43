import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const phone = z.string().regex(/^[0-9 +()]{6,20}$/, 'must be a phone number as residents should read it');

export const councilProfileSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  website: z.string().url(),
  contactPage: z.string().url(),
  privacyNotice: z.string().url(),
  phone,
  email: z.string().email(),
  openingHours: z.string().min(1),
  outOfHoursPhone: phone,
  safeguardingPhone: phone,
  /** Children's services front door (a worry about a child); without it, safeguardingPhone. */
  childrensServicesPhone: phone.optional(),
  /** Adult safeguarding line (a worry about an adult at risk); without it, safeguardingPhone. */
  adultSafeguardingPhone: phone.optional(),
  servicePages: z.record(z.string(), z.string().url()).default({}),
});

export type CouncilProfile = z.infer<typeof councilProfileSchema>;

export function loadCouncilProfile(file: string): CouncilProfile {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = councilProfileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
