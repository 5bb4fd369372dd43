import { redactText } from '../redact';

/**
 * Readiness: can this instance serve residents now? /readyz runs every named check (each
 * with a time limit) and answers 200 only when all pass. Feature modules add their own
 * (e.g. the back office: "reachable, or queueing reports for later").
 */
export interface ReadinessResult {
  ok: boolean;
  /** Short, non-personal explanation shown in the /readyz body. */
  detail?: string;
}

export interface ReadinessCheck {
  /** e.g. "database", "recognizer", "backOffice". */
  name: string;
  check(): Promise<ReadinessResult>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, ReadinessResult>;
}

/** Runs the checks side by side; one that throws or takes longer than `timeoutMs` fails. */
export async function runReadinessChecks(checks: ReadinessCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c): Promise<[string, ReadinessResult]> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ReadinessResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
        timer.unref();
      });
      try {
        const result = await Promise.race([
          c.check().catch((err: Error) => ({ ok: false, detail: `failed: ${redactText(err?.message ?? String(err))}` })),
          timeout,
        ]);
        return [c.name, result];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const report: Record<string, ReadinessResult> = {};
  for (const [name, result] of results) report[name] = result;
  return { ready: results.every(([, r]) => r.ok), checks: report };
}
