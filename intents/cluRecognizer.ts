import { AzureKeyCredential, ConversationAnalysisClient, type ConversationalTask } from '@azure/ai-language-conversations';
import { isLoopbackHttp, type CluSettings } from './cluSettings';
import { mapCluEntities, type CluEntity, type EntitySource } from './cluEntities';
import { NONE_INTENT, type IntentScore, type Recognizer, type RecognizerResult } from './recognizer';

export type { CluSettings } from './cluSettings';

/** The part of a logger this class uses (pino's Logger fits). */
export interface WarnLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface CluRecognizerOptions {
  settings: CluSettings;
  /** Answers when CLU cannot (the offline recognizer). */
  fallback: Recognizer;
  /** Fills in entity types CLU did not return, and normalises values. */
  entities: EntitySource;
  logger: WarnLogger;
  /** For tests or a custom pipeline; built from `settings` when absent. */
  client?: ConversationAnalysisClient;
}

/** CLU's limit on one conversation item's text. */
export const CLU_MAX_CHARS = 1000;
const CLU_NONE = 'None';
const ALTERNATIVES = 5;

/**
 * Recognises with an Azure AI Language conversational language understanding (CLU) project
 * and falls back to the offline recognizer on any error or after `timeoutMs`. The fallback's
 * result says so (`source: "local-fallback"`, `fallbackReason`), and a warning is logged
 * without the resident's words.
 */
export class CluRecognizer implements Recognizer {
  private readonly client: ConversationAnalysisClient;

  constructor(private readonly options: CluRecognizerOptions) {
    const { endpoint, key } = options.settings;
    this.client =
      options.client ??
      new ConversationAnalysisClient(endpoint.replace(/\/+$/, ''), new AzureKeyCredential(key), {
        // A turn cannot wait for retries: one try, then the offline recognizer.
        retryOptions: { maxRetries: 0 },
        // Plain http is only accepted for a service on this machine (config enforces it).
        allowInsecureConnection: isLoopbackHttp(endpoint),
      });
  }

  async recognize(text: string, locale?: string): Promise<RecognizerResult> {
    if (text.trim() === '') return this.options.fallback.recognize(text, locale);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.options.settings.timeoutMs);
    try {
      const response = await this.client.analyzeConversation(this.task(text, locale), { abortSignal: abort.signal });
      return this.toResult(text, response);
    } catch (err) {
      const reason = abort.signal.aborted ? 'timeout' : failureReason(err);
      this.options.logger.warn(
        { recognizer: 'clu', reason, status: (err as { statusCode?: number })?.statusCode, code: (err as { code?: string })?.code },
        'CLU recognition failed; used the offline recognizer',
      );
      const local = await this.options.fallback.recognize(text, locale);
      return { ...local, source: 'local-fallback', fallbackReason: reason };
    } finally {
      clearTimeout(timer);
    }
  }

  private task(text: string, locale?: string): ConversationalTask {
    return {
      kind: 'Conversation',
      analysisInput: {
        conversationItem: { id: '1', participantId: 'resident', text: text.slice(0, CLU_MAX_CHARS), language: (locale ?? 'en-GB').toLowerCase() },
      },
      parameters: {
        projectName: this.options.settings.projectName,
        deploymentName: this.options.settings.deploymentName,
        stringIndexType: 'Utf16CodeUnit',
      },
    };
  }

  /** Maps CLU's prediction; throws InvalidCluResponse when it is not a Conversation prediction. */
  private toResult(text: string, response: unknown): RecognizerResult {
    const r = response as { kind?: string; result?: { prediction?: { projectKind?: string; topIntent?: string; intents?: unknown; entities?: unknown } } };
    const prediction = r?.result?.prediction;
    if (r?.kind !== 'ConversationResult' || prediction?.projectKind !== 'Conversation' || !Array.isArray(prediction.intents)) {
      throw new InvalidCluResponse();
    }
    const intents = (prediction.intents as Array<{ category?: unknown; confidence?: unknown }>)
      .filter(
        (i): i is { category: string; confidence: number } =>
          typeof i?.category === 'string' && typeof i.confidence === 'number' && Number.isFinite(i.confidence),
      )
      .map((i) => ({ intent: i.category, score: Math.min(1, Math.max(0, i.confidence)) }));
    if (intents.length === 0) throw new InvalidCluResponse();
    const ranked = [...intents].sort((a, b) => b.score - a.score);
    const top = typeof prediction.topIntent === 'string' ? prediction.topIntent : ranked[0]?.intent;
    const inScope = ranked.filter((i) => !isNone(i.intent));
    const alternatives: IntentScore[] = inScope.slice(0, ALTERNATIVES);
    const none = !top || isNone(top);
    const topScore = ranked.find((i) => i.intent === top)?.score ?? 0;
    const entities = Array.isArray(prediction.entities) ? (prediction.entities as CluEntity[]) : [];
    return {
      text,
      intent: none ? NONE_INTENT : top,
      score: none ? (alternatives[0]?.score ?? 0) : topScore,
      alternatives,
      entities: mapCluEntities(text, entities, this.options.entities),
      source: 'clu',
    };
  }
}

class InvalidCluResponse extends Error {
  constructor() {
    super('CLU answered with something other than a Conversation prediction');
    this.name = 'InvalidCluResponse';
  }
}

function isNone(intent: string): boolean {
  return intent === CLU_NONE || intent === NONE_INTENT;
}

/** A short reason for logs and traces, never containing the resident's words. */
function failureReason(err: unknown): string {
  if (err instanceof InvalidCluResponse) return 'invalid-response';
  const e = err as { statusCode?: number; code?: string; name?: string };
  if (e?.code === 'PARSE_ERROR' || e?.name === 'SyntaxError') return 'invalid-response';
  if (typeof e?.statusCode === 'number') return `http ${e.statusCode}`;
  if (typeof e?.code === 'string') return e.code;
  return 'error';
}
