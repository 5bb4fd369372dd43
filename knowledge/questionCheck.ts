import { createRequire } from 'node:module';
import os from 'node:os';
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ContentProblem } from '../intents/trainingData';
import type { Article } from './article';
import { MiniSearchKnowledgeBase, type IntentExamples } from './knowledgeBase';
import type { SynonymGroups } from './synonyms';
import { ENGLISH_ANALYSIS, TextAnalyser, WELSH_ANALYSIS, type AnalyserLanguage } from './textAnalyser';

/** What the questions' check searches: the published articles, the synonyms, the intents' and out-of-scope examples, the language. */
export interface QuestionCheckInputs {
  articles: readonly Article[];
  synonyms: SynonymGroups;
  intents: IntentExamples[];
  outOfScope: string[];
  analysis?: AnalyserLanguage;
  /**
   * At most how many threads share the questions (this one and up to `threads - 1` workers); default: two when the machine
   * has two cores or more and there are at least {@link THREADED_FROM} questions, else one.
   */
  threads?: number;
  /** For tests: this thread takes no question until the workers have finished, and is told how many they checked. */
  leaveToWorkers?: (checkedByWorkers: number) => void;
}

/** From how many questions a second thread is worth starting (it loads the code and builds its own index: about 1.5 s of CPU at 3,000 articles). */
const THREADED_FROM = 4_000;
/** Questions claimed at a time by each thread. */
const CHUNK = 200;
/** How long the main thread waits for a worker's next chunk before doing the rest itself (a worker that died or hangs). */
const PATIENCE_MS = 60_000;

/** The languages a worker can analyse by name (functions cannot be sent to a thread). */
const LANGUAGES: Record<string, AnalyserLanguage> = { en: ENGLISH_ANALYSIS, cy: WELSH_ANALYSIS };

/**
 * Each article's own questions must find that article, as residents' messages do: every question is searched as
 * `bestArticle` searches a message, on an index of every article. The longest of `npm run validate`'s checks (issue 23: at
 * 3,000 articles some 26,000 questions, most of the run). With many questions, a second thread (`worker_threads`) builds the
 * same index and takes chunks of questions from a shared counter while this one takes others: each question's result
 * depends only on the index, not on which thread or in which order it was searched (the index's remembered lookups change
 * no result), and the problems are put back in the order of the articles and their questions, so the result is the same as
 * one thread's, problem for problem. Synchronous for its callers: this thread blocks on the worker's chunks
 * (`Atomics.wait`, `receiveMessageOnPort`) once it has no more to take. A worker that cannot start, fails or stops
 * answering leaves its chunks to this thread. Started when called (the worker loads and builds its index at once), finished by
 * the function it returns.
 */
export function startQuestionCheck(inputs: QuestionCheckInputs): () => ContentProblem[] {
  const questions = inputs.articles.flatMap((article, at) => article.questions.map((question) => ({ at, question })));
  const threads = inputs.threads ?? (questions.length >= THREADED_FROM && availableCores() >= 2 ? 2 : 1);
  const language = languageName(inputs.analysis);
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const workers = threads >= 2 && language ? startWorkers(threads - 1, inputs, language, counter, questions.length) : [];
  return () => finishQuestionCheck(inputs, questions, counter, workers);
}

/** This thread's part of {@link startQuestionCheck}: its own index, chunks until none are left, then the workers' chunks. */
function finishQuestionCheck(
  inputs: QuestionCheckInputs,
  questions: ReadonlyArray<{ at: number; question: string }>,
  counter: Int32Array,
  workers: Array<{ worker: Worker; port: MessagePort }>,
): ContentProblem[] {
  const results: Array<ContentProblem | null | undefined> = new Array(questions.length);
  const knowledge = checkIndex(inputs);
  let byWorkers = 0;
  const put = (start: number, problems: Array<ContentProblem | null>) => problems.forEach((p, k) => (results[start + k] = p));
  const putTheirs = (start: number, problems: Array<ContentProblem | null>) => {
    byWorkers += problems.length;
    put(start, problems);
  };
  if (inputs.leaveToWorkers && workers.length) collect(workers, counter, putTheirs);
  runChunks(knowledge, inputs.articles, questions, counter, put);
  if (workers.length) collect(workers, counter, putTheirs);
  inputs.leaveToWorkers?.(byWorkers);
  // Whatever a worker claimed and did not send (it failed, or stopped answering) is checked here.
  for (let i = 0; i < questions.length; i++)
    if (results[i] === undefined) results[i] = problemOf(knowledge, inputs.articles[questions[i].at], questions[i].question);
  return results.filter((p): p is ContentProblem => !!p);
}

/** Index slots of the shared counter: the next question to claim, and how many workers have finished. */
const NEXT = 0;
const FINISHED = 1;

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function languageName(analysis: AnalyserLanguage | undefined): string | undefined {
  if (!analysis) return 'en';
  return Object.keys(LANGUAGES).find((name) => LANGUAGES[name] === analysis);
}

function checkIndex(inputs: Omit<QuestionCheckInputs, 'articles'> & { articles: readonly Article[] }): MiniSearchKnowledgeBase {
  return new MiniSearchKnowledgeBase(inputs.articles, new TextAnalyser(inputs.synonyms, inputs.analysis), {
    intents: inputs.intents,
    outOfScope: inputs.outOfScope,
    // Every word of every question is looked up once and kept: the questions share a few thousand
    // words, and a budget sized for a server's memory made 3,000 articles' questions look their words
    // up again and again.
    rememberedItems: Infinity,
  });
}

/** The problem with one question, if any. */
function problemOf(knowledge: MiniSearchKnowledgeBase, article: Article, question: string): ContentProblem | null {
  const top = knowledge.bestArticle(question);
  if (!top)
    return { severity: 'error', file: article.file, message: `the question "${question}" (${article.id}) finds no article at all: use words residents use` };
  if (top.id !== article.id)
    return {
      severity: 'error',
      file: article.file,
      message: `the question "${question}" (${article.id}) retrieves ${top.id} instead: reword it, or move it to ${top.id} if it belongs there`,
    };
  return null;
}

/** Takes chunks of questions from the shared counter until none are left; `done` gets each chunk's first question and its problems. */
function runChunks(
  knowledge: MiniSearchKnowledgeBase,
  articles: readonly Article[],
  questions: ReadonlyArray<{ at: number; question: string }>,
  counter: Int32Array,
  done: (start: number, problems: Array<ContentProblem | null>) => void,
): void {
  for (;;) {
    const start = Atomics.add(counter, NEXT, CHUNK);
    if (start >= questions.length) return;
    const end = Math.min(questions.length, start + CHUNK);
    const found: Array<ContentProblem | null> = [];
    for (let i = start; i < end; i++) found.push(problemOf(knowledge, articles[questions[i].at], questions[i].question));
    done(start, found);
  }
}

/** What a worker sends: a chunk's problems (each question's, or null). */
interface WorkerMessage {
  start: number;
  problems: Array<ContentProblem | null>;
}

interface WorkerInput {
  questionCheck: true;
  articles: readonly Article[];
  synonyms: SynonymGroups;
  intents: IntentExamples[];
  outOfScope: string[];
  language: string;
  counter: Int32Array;
  total: number;
  port: MessagePort;
}

/**
 * The workers, each running this module (through tsx's loader when this is the TypeScript source, registered in the worker
 * when the parent was not started with it, as under vitest; as JavaScript when it is built). A worker that cannot load
 * counts itself finished, so the main thread never waits for one that will send nothing.
 */
function startWorkers(
  count: number,
  inputs: QuestionCheckInputs,
  language: string,
  counter: Int32Array,
  total: number,
): Array<{ worker: Worker; port: MessagePort }> {
  let tsx = '';
  if (__filename.endsWith('.ts')) {
    try {
      tsx = createRequire(__filename).resolve('tsx/cjs/api');
    } catch {
      return []; // the TypeScript source without tsx to load it in a worker: one thread
    }
  }
  const boot = `
    const { workerData } = require('node:worker_threads');
    try {
      const tsx = ${JSON.stringify(tsx)};
      if (tsx && !require.extensions['.ts']) require(tsx).register();
      require(${JSON.stringify(__filename)});
    } catch {
      Atomics.add(workerData.counter, ${FINISHED}, 1);
      Atomics.notify(workerData.counter, ${FINISHED});
    }`;
  const started: Array<{ worker: Worker; port: MessagePort }> = [];
  for (let n = 0; n < count; n++) {
    try {
      const { port1, port2 } = new MessageChannel();
      const { articles, synonyms, intents, outOfScope } = inputs;
      const data: WorkerInput = { questionCheck: true, articles, synonyms, intents, outOfScope, language, counter, total, port: port2 };
      const worker = new Worker(boot, { eval: true, workerData: data, transferList: [port2] });
      worker.unref();
      started.push({ worker, port: port1 });
    } catch {
      // One worker fewer: the others and this thread check its share.
    }
  }
  return started;
}

/**
 * Receives the workers' chunks until every worker has finished (or none has sent anything for {@link PATIENCE_MS}: what is
 * missing is then checked by the caller), then stops them.
 */
function collect(
  workers: Array<{ worker: Worker; port: MessagePort }>,
  counter: Int32Array,
  put: (start: number, problems: Array<ContentProblem | null>) => void,
): void {
  const drain = () => {
    for (const { port } of workers)
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
        put((m.message as WorkerMessage).start, (m.message as WorkerMessage).problems);
  };
  for (;;) {
    const finished = Atomics.load(counter, FINISHED);
    drain();
    if (finished >= workers.length) break;
    if (Atomics.wait(counter, FINISHED, finished, PATIENCE_MS) === 'timed-out') break;
  }
  drain();
  for (const { worker } of workers) void worker.terminate();
}

/** In a worker started by {@link startWorkers}: builds the index and takes chunks until none are left, sending each chunk's problems. */
function runWorker(input: WorkerInput): void {
  try {
    if (Atomics.load(input.counter, NEXT) < input.total) {
      const knowledge = checkIndex({ ...input, analysis: LANGUAGES[input.language] });
      const questions = input.articles.flatMap((article, at) => article.questions.map((question) => ({ at, question })));
      runChunks(knowledge, input.articles, questions, input.counter, (start, problems) => input.port.postMessage({ start, problems } satisfies WorkerMessage));
    }
  } catch {
    // The chunk being checked is not sent: the main thread checks what is missing.
  } finally {
    Atomics.add(input.counter, FINISHED, 1);
    Atomics.notify(input.counter, FINISHED);
  }
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.questionCheck) runWorker(workerData as WorkerInput);
