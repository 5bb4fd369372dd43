import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StaffStore } from '../../../handoff/staffStore';
import { AppDatabase } from '../../../platform/storage/database';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** tsx's loader, imported by absolute URL (the server runs in a temporary directory, without node_modules). */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export const FUZZ_STAFF = { username: 'fuzz.agent', name: 'Fuzz', password: 'fuzzing password that is long enough' };
export const FUZZ_OPEN311_KEY = 'fuzz-open311-key';

/** What the fuzzer holds to reach past the front doors: a staff session, Direct Line conversations. */
export interface FuzzContext {
  cookie: string;
  csrf: string;
  conversations: Array<{ id: string; token: string; streamToken: string }>;
}

/**
 * The assistant as `npm start` runs it (bot/index.ts, here through tsx so no build is needed),
 * on a port it picks itself on this machine, with a throwaway DATA_DIR and TMPDIR and no .env.
 * Counts the times it dies, and starts it again.
 */
export class FuzzServer {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-fuzz-'));
  readonly tmpDir = path.join(this.dir, 'tmp');
  port = 0;
  crashes = 0;
  /** Log lines of errors the process-level last resort caught (each would have ended the process without it). */
  lastResortHits: string[] = [];
  private child?: ChildProcess;
  private output = '';
  private stopping = false;
  private starting?: Promise<void>;

  constructor(private readonly log: (line: string) => void = () => undefined) {
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once the server answers; starts (again) if it is not running. */
  async ready(): Promise<void> {
    if (this.alive && !this.starting) return;
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async start(): Promise<void> {
    if (!this.port) await this.addStaff();
    this.output = '';
    // One process, as `npm start` runs it (node dist/server.js), but from the sources; FUZZ_CPU_PROF=dir profiles it.
    const profile = process.env.FUZZ_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.FUZZ_CPU_PROF] : [];
    const child = spawn(process.execPath, [...profile, '--import', TSX_LOADER, path.join(ROOT, 'bot', 'index.ts')], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(this.port),
        DATA_DIR: path.join(this.dir, 'data'),
        TMPDIR: this.tmpDir,
        LOG_LEVEL: 'error',
        OPEN311_API_KEY: FUZZ_OPEN311_KEY,
        SHUTDOWN_GRACE_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-20_000);
      for (const line of text.split('\n')) if (/still serving/.test(line)) this.lastResortHits.push(line.slice(0, 500));
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.crashes++;
      this.log(`the server died (exit ${code ?? signal}); last output:\n${this.output.slice(-2000)}`);
    });
    for (let i = 0; i < 600; i++) {
      const m = /running on http:\/\/localhost:(\d+)/.exec(this.output);
      if (m) {
        this.port = Number(m[1]);
        return;
      }
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the assistant did not start:\n${this.output.slice(-3000)}`);
  }

  /** A staff account in the fresh database, so the fuzz reaches the console API behind sign-in. */
  private async addStaff(): Promise<void> {
    const database = await AppDatabase.open({ dataDir: path.join(this.dir, 'data') });
    try {
      await new StaffStore(database.db).addAccount(FUZZ_STAFF.username, FUZZ_STAFF.name, FUZZ_STAFF.password);
    } finally {
      await database.close();
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Signs the fuzz agent in and opens a few Direct Line conversations. */
  async context(): Promise<FuzzContext> {
    const form = await fetch(`${this.url}/agent/sign-in`);
    const prelogin = /ca_signin=([^;]+)/.exec(form.headers.getSetCookie().join(';'))?.[1] ?? '';
    const csrfField = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const body = new URLSearchParams({ username: FUZZ_STAFF.username, password: FUZZ_STAFF.password, csrf: csrfField });
    const signedIn = await fetch(`${this.url}/agent/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ca_signin=${prelogin}` },
      body,
    });
    const session = /ca_staff=([^;]+)/.exec(signedIn.headers.getSetCookie().join(';'))?.[1] ?? '';
    const cookie = `ca_staff=${session}`;
    const me = (await (await fetch(`${this.url}/agent/api/me`, { headers: { Cookie: cookie } })).json().catch(() => ({}))) as { csrfToken?: string };
    const conversations: FuzzContext['conversations'] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${this.url}/v3/directline/conversations`, { method: 'POST' });
      const c = (await res.json()) as { conversationId: string; token: string; streamUrl: string };
      conversations.push({ id: c.conversationId, token: c.token, streamToken: new URL(c.streamUrl).searchParams.get('t') ?? '' });
    }
    return { cookie, csrf: me.csrfToken ?? '', conversations };
  }

  /** Files the server left in its TMPDIR (multipart spooling would put uploads here); tsx's compile cache aside. */
  tempFiles(): string[] {
    return fs.readdirSync(this.tmpDir).filter((name) => !/^tsx-\d+$/.test(name));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
