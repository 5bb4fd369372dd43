/** What the benches share to start the assistant as `npm start` does and read its process's figures from /proc. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * The Node arguments of `npm start` (its script is `node …`), so that what is measured is what runs;
 * BENCH_NODE_FLAGS adds Node flags before them, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile
 * the server under load (NODE_OPTIONS does not allow --cpu-prof).
 */
export function startArguments(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start runs "${command}", not node: update bench/serverProcess.ts`);
  return [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), ...args];
}

/** The process's CPU time so far (user + system), in clock ticks of 1/100 s. */
export function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, fields 14 and 15 of stat
}

export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}
