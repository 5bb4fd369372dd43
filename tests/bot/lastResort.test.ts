import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { installLastResort } from '../../bot/lastResort';
import { createLogger } from '../../platform/logger';

describe('the process-level last resort', () => {
  it('logs an uncaught exception and an unhandled rejection by type and place, without their messages', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) }));
    const proc = new EventEmitter();
    installLastResort(proc, logger);
    const err = new URIError('resident Jane Smith jane@example.org sent %E0');
    proc.emit('uncaughtException', err);
    proc.emit('unhandledRejection', Object.assign(new Error('duplicate key 07700 900123'), { code: 'SQLITE_CONSTRAINT' }));
    proc.emit('unhandledRejection', 'a bare string');
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; err: { type: string; code?: string; at?: string } });
    expect(logged.map((l) => l.msg)).toEqual([
      'uncaught exception (still serving)',
      'unhandled promise rejection (still serving)',
      'unhandled promise rejection (still serving)',
    ]);
    expect(logged[0].err.type).toBe('URIError');
    expect(logged[0].err.at).toMatch(/lastResort\.test\.ts/);
    expect(logged[1].err.code).toBe('SQLITE_CONSTRAINT');
    expect(logged[2].err.type).toBe('string');
    expect(lines.join('')).not.toMatch(/Jane|jane@|07700|%E0/);
    // Installed, the handlers are what keeps the process alive: Node only exits on these without a listener.
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
  });
});
