/**
 * npm run fuzz -- --seed N --count 10000 [--concurrency 4] [--max-seconds 1800]
 *
 * Starts the assistant on a loopback port with a throwaway DATA_DIR and sends it seeded hostile
 * input: malformed and deeply nested JSON, wrong types, multipart uploads, odd activity types
 * and serviceUrls (replies come back in the body or go to a closed loopback port, never out),
 * the local Direct Line API with good and bad tokens, WebSocket upgrades with bad origins,
 * cookies, paths and garbage frames, the agent console API, and Open311. Restarts the server
 * if it dies, counting. Prints a summary, then as its last line:
 *   {"inputs":N,"crashes":N,"5xx":N,"slowOver2s":N}
 * The same seed sends the same inputs.
 */
import { runFuzz } from './lib/fuzz/fuzzRun';

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} must be a whole number (got ${value})\n`);
    process.exit(64);
  }
  return n;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = flag(args, 'seed', 1);
  const count = Math.min(flag(args, 'count', 1000), 1_000_000);
  const concurrency = Math.max(1, Math.min(flag(args, 'concurrency', 4), 32));
  const maxSeconds = flag(args, 'max-seconds', 1800);
  process.stdout.write(`Fuzzing the assistant: seed ${seed}, ${count} inputs, ${concurrency} at a time (at most ${maxSeconds} s)\n`);
  const summary = await runFuzz({ seed, count, concurrency, maxSeconds, log: (line) => process.stdout.write(`${line}\n`) });
  const out: string[] = [];
  out.push('', 'By family (status: count):');
  for (const [family, f] of Object.entries(summary.byFamily).sort()) {
    out.push(
      `  ${family.padEnd(10)} ${String(f.inputs).padStart(6)} inputs   ${Object.entries(f.statuses)
        .sort()
        .map(([s, n]) => `${s}:${n}`)
        .join('  ')}`,
    );
  }
  out.push('', `Inputs sent:              ${summary.inputs}${summary.stoppedEarly ? ` (stopped at the time limit, before ${count})` : ''}`);
  out.push(`Server deaths:            ${summary.crashes}`);
  out.push(`5xx answers:              ${summary['5xx']}`);
  out.push(`Answers over 2 s:         ${summary.slowOver2s} (of which no answer in 10 s: ${summary.timeouts})`);
  out.push(`Internal text in a body:  ${summary.leaks}`);
  out.push(`Caught by the last resort: ${summary.lastResort}`);
  out.push(`Files left in TMPDIR:     ${summary.tempFiles}`);
  out.push(`Time:                     ${summary.seconds} s`);
  if (summary.findings.length) {
    out.push('', 'Findings (first 30):');
    for (const f of summary.findings.slice(0, 30))
      out.push(`  [${f.what}] ${f.family} ${f.request} → ${f.status}\n      ${f.excerpt.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  out.push('', JSON.stringify({ inputs: summary.inputs, crashes: summary.crashes, '5xx': summary['5xx'], slowOver2s: summary.slowOver2s }));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`fuzz: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
