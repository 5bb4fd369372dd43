/**
 * `npm run eval:conversations -- DIR`: runs every *.yaml conversation in DIR (the format is in
 * tests/conversations/README.md) against the whole app residents get, on a throwaway SQLite
 * file with the built-in back office. Prints one line per conversation (a failure with its turn,
 * what the resident said, what was expected and what the bot replied) and, as the last line,
 * {"total","passed","rate","failures":[{"file","turn","said","got"}]}. `--turns` also prints every
 * turn (reply, route, question asked) before its conversation's line. `--now` sets the day and time the
 * conversations happen (see scripts/lib/nowArg.ts); left out, the real clock. Exits 0 whatever the score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadDotEnv } from '../bot/dotEnv';
import { KyselyStorage } from '../platform/storage/kyselyStorage';
import { DialogIds } from '../dialogs/dialogIds';
import { Intents } from '../intents/catalogue';
import { ConversationEvaluator, shorten } from './lib/conversations/conversationEvaluator';
import { ConversationFileReader } from './lib/conversations/conversationFileReader';
import { ConversationReport } from './lib/conversations/conversationReport';
import { EvalApp } from './lib/conversations/evalApp';
import { ExpectationChecker } from './lib/conversations/expectationChecker';
import { RequestCatalogue } from './lib/conversations/requestCatalogue';
import { localeOrExit } from './lib/localeArg';
import { nowArg, startClockAt } from './lib/nowArg';
import type { TurnObservation } from './lib/conversations/turnObservation';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const { locale, rest: args } = localeOrExit(process.argv.slice(2));
  const clock = nowArg(args);
  if ('error' in clock) {
    process.stderr.write(`${clock.error}\n`);
    process.exit(2);
  }
  const { now, rest } = clock;
  const dir = rest.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write(
      'usage: npm run eval:conversations -- DIR [--locale cy-GB] [--now 2026-12-04T10:00:00Z]   (a folder of *.yaml conversations; see tests/conversations/README.md)\n',
    );
    process.exit(2);
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write(`eval:conversations: ${dir} is not a folder\n`);
    process.exit(2);
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();

  loadDotEnv();
  const realClock = now ? startClockAt(now) : undefined;
  const app = await EvalApp.start(
    { COUNCIL_PROFILE: process.env.COUNCIL_PROFILE, INTENTS_DIR: process.env.INTENTS_DIR },
    path.join(path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data')), 'models'),
  );
  const report = new ConversationReport();
  const results = [];
  try {
    const { assistant, database } = app.app;
    // The resident's language's words (its article titles, its fallback replies, its button), and English's: a
    // conversation may change language.
    const spoken = assistant.byLocale.get(locale);
    if (!spoken) throw new Error(`the council profile does not declare ${locale} (languages:)`);
    const both = [...new Set([spoken, assistant])];
    const checker = new ExpectationChecker({
      requests: new RequestCatalogue(path.join(ROOT, 'services')),
      articleTitle: (id) => spoken.knowledge.get(id)?.title,
      fallbackTexts: both.flatMap((a) => [a.responses.cannotHelp().text, a.responses.notUnderstoodOfferPerson().text, a.responses.technicalProblem().text]),
      personLabels: both.map((a) => a.buttons.talk_to_person),
      handoffIntent: Intents.humanHandoff,
      handoffDialogId: DialogIds.handoff,
    });
    const showTurns = process.argv.includes('--turns');
    const onTurn = (n: number, said: string, t: TurnObservation) => {
      const seen = [
        `routes ${t.routes.map((r) => r.label).join(',') || '-'}`,
        `asks ${t.lastPrompt ?? '-'}`,
        `articles ${t.articles.join(',') || '-'}`,
        `sent ${t.submitted.join(',') || '-'}`,
        `dialogs ${t.dialogsAfter.at(-1) ?? '-'}`,
      ];
      process.stdout.write(`  ${n}. "${shorten(said, 100)}" → ${shorten(t.text, 200)} {${t.choices.map((c) => c.title).join(' | ')}} [${seen.join('; ')}]\n`);
    };
    const evaluator = new ConversationEvaluator(
      assistant.bot,
      () => new KyselyStorage(database.db),
      new ConversationFileReader(),
      checker,
      showTurns ? onTurn : undefined,
      locale,
    );
    for (const file of files) {
      const result = await evaluator.run(path.join(dir, file));
      results.push(result);
      process.stdout.write(`${report.line(result)}\n`);
    }
  } finally {
    await app.close();
    realClock?.();
  }
  const summary = report.summary(results);
  process.stdout.write(`${summary.passed}/${summary.total} conversations passed (${(summary.rate * 100).toFixed(1)}%)\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`eval:conversations failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
