import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buildAssistants } from '../../bot/assistant';
import { createLogger } from '../../platform/logger';

const ROOT = path.resolve(__dirname, '..', '..');

describe("the assistant's clock", () => {
  it('reads "yesterday" against the clock it is given, in each language, not the system clock', async () => {
    const now = () => new Date('2025-03-05T12:00:00Z');
    const all = buildAssistants({
      storage: new MemoryStorage(),
      councilProfilePath: path.join(ROOT, 'knowledge', 'council.yaml'),
      intentsDir: path.join(ROOT, 'intents', 'data'),
      safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
      modelDir: path.join(ROOT, 'data', 'models'),
      logger: createLogger('silent'),
      now,
    });
    const dates = async (locale: 'en-GB' | 'cy-GB', text: string) =>
      (await all.byLocale.get(locale)!.recognizer.recognize(text)).entities.filter((e) => e.type === 'date').map((e) => e.value);
    expect(await dates('en-GB', 'my bin was missed yesterday')).toEqual(['2025-03-04']);
    expect(await dates('cy-GB', 'chafodd y bin ei gasglu ddoe')).toEqual(['2025-03-04']);
  });
});
