import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { tempDir } from './support';

/** One telemetry item as Application Insights' ingestion endpoint receives it. */
export interface Envelope {
  name: string;
  iKey?: string;
  data?: { baseType?: string; baseData?: Record<string, unknown> & { name?: string; properties?: Record<string, string> } };
}

/**
 * A local stand-in for the Application Insights ingestion endpoint (POST /v2.1/track, JSON
 * array of envelopes, possibly gzip-compressed). The SDK always speaks HTTPS, so this serves
 * a throwaway self-signed certificate made for the test run.
 */
export class IngestionSink {
  readonly bodies: string[] = [];
  private server?: https.Server;
  private dir?: string;
  port = 0;

  async start(): Promise<void> {
    this.dir = tempDir('ai-sink');
    const key = path.join(this.dir, 'key.pem');
    const cert = path.join(this.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], {
      stdio: 'ignore',
    });
    this.server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
        this.bodies.push(body.toString('utf8'));
        const count = (() => {
          try {
            return (JSON.parse(body.toString('utf8')) as unknown[]).length;
          } catch {
            return 0;
          }
        })();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: count, itemsAccepted: count, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  connectionString(): string {
    return `InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=https://127.0.0.1:${this.port}/;LiveEndpoint=https://127.0.0.1:${this.port}/`;
  }

  envelopes(): Envelope[] {
    return this.bodies.flatMap((b) => {
      try {
        return JSON.parse(b) as Envelope[];
      } catch {
        return [];
      }
    });
  }

  /** Names of custom events received (baseData.name of EventData). */
  eventNames(): string[] {
    return this.envelopes()
      .filter((e) => e.data?.baseType === 'EventData')
      .map((e) => String(e.data?.baseData?.name));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
