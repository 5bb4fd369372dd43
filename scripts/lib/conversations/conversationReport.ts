import { shorten, type ConversationResult } from './conversationEvaluator';

export interface ConversationSummary {
  total: number;
  passed: number;
  rate: number;
  failures: { file: string; turn: number; said: string; got: string }[];
}

/** The per-conversation lines people read and the one JSON object tools read. */
export class ConversationReport {
  line(r: ConversationResult): string {
    if (r.passed) return `✓ ${r.file}: ${r.name}`;
    const f = r.failure!;
    if (f.turn === 0) return `✗ ${r.file}: ${f.got}`;
    return [
      `✗ ${r.file}: ${r.name}`,
      `    turn ${f.turn}: resident said "${shorten(f.said, 120)}"`,
      `    expected ${shorten(f.expected, 200)}`,
      `    bot: ${shorten(f.reply, 200) || '(no reply)'}`,
      ...f.problems.map((p) => `    ✗ ${p}`),
    ].join('\n');
  }

  summary(results: ConversationResult[]): ConversationSummary {
    const passed = results.filter((r) => r.passed).length;
    return {
      total: results.length,
      passed,
      rate: results.length ? Math.round((passed / results.length) * 1000) / 1000 : 0,
      failures: results.filter((r) => !r.passed).map((r) => ({ file: r.file, turn: r.failure!.turn, said: r.failure!.said, got: r.failure!.got })),
    };
  }
}
