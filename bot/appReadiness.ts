import type { Assistant } from './assistant';
import type { ReadinessCheck } from '../platform/http/readiness';
import type { AppDatabase } from '../platform/storage/database';

/** The core's own /readyz checks: the database answers and can be written, and the intent recognizer is loaded and classifies. */
export function appReadinessChecks(database: AppDatabase, assistant: Pick<Assistant, 'classifier'>): ReadinessCheck[] {
  return [
    {
      name: 'database',
      async check() {
        if (!(await database.ping())) return { ok: false, detail: `${database.engine} database does not answer` };
        const problem = await database.writeProblem();
        return problem ? { ok: false, detail: `${database.engine} database answers but cannot be written: ${problem}` } : { ok: true, detail: database.engine };
      },
    },
    {
      name: 'recognizer',
      // eslint-disable-next-line @typescript-eslint/require-await -- classify() may throw; runReadinessChecks catches a rejection, not a synchronous throw
      async check() {
        // The local classifier only (never a paid cloud call from a probe): loaded, with intents, and classifying.
        const intents = assistant.classifier.intents.length;
        if (!intents) return { ok: false, detail: 'no intents loaded' };
        assistant.classifier.classify('hello');
        return { ok: true, detail: `${intents} intents` };
      },
    },
  ];
}
