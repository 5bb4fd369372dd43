import { z } from 'zod';

/** What the bot's question may be about (`asks` / `notAsks`): every `council.prompt` field of tests/conversations/README.md. */
export const ASK_FIELDS = [
  'postcode',
  'address',
  'container',
  'collection_date',
  'bin_out_by_7am',
  'items',
  'item_count',
  'location_on_property',
  'waste_type',
  'amount',
  'hazardous',
  'surface',
  'width_cm',
  'depth_cm',
  'danger',
  'light_number',
  'fault_type',
  'location',
  'reference',
  'description',
  'contact',
  'name',
  'confirm',
  'change',
  'carry_on',
  'feedback',
] as const;

const oneOrMany = <T extends z.ZodTypeAny>(item: T, what: string) =>
  z.union([item, z.array(item).min(1)], { errorMap: () => ({ message: `must be ${what}, or a list of them` }) });
const askField = z.enum(ASK_FIELDS);
const ASKS = `one of ${ASK_FIELDS.join(', ')}`;
const WORDS = 'a non-empty string';

export const expectationSchema = z
  .object({
    answers: z.string().min(1).optional(),
    request: z.string().min(1).optional(),
    asks: oneOrMany(askField, ASKS).optional(),
    notAsks: oneOrMany(askField, ASKS).optional(),
    shows: oneOrMany(z.union([z.string().min(1), z.number()]).transform(String), WORDS).optional(),
    notShows: oneOrMany(z.union([z.string().min(1), z.number()]).transform(String), WORDS).optional(),
    sent: z.boolean().optional(),
    person: z.boolean().optional(),
    offers: z.string().min(1).optional(),
    helpful: z.boolean().optional(),
  })
  .strict();

const stepSchema = z.object({ user: z.union([z.string(), z.number()]).transform(String), expect: expectationSchema.nullish() }).strict();

export const conversationSchema = z
  .object({
    name: z.string().min(1),
    voice: z.string().optional(),
    covers: z.array(z.string()).optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

/** One blind conversation: what the resident types, turn by turn, and what any good assistant must do. */
export type Conversation = z.infer<typeof conversationSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
