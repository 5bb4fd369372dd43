import { EventEmitter } from 'node:events';
import type { HandoffEvent } from '../dialogs/handoffTypes';

/** Delivers handoff events to every process that shares the database (and to this one). */
export interface HandoffEvents {
  publish(event: HandoffEvent): Promise<void>;
  subscribe(listener: (event: HandoffEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process (SQLite): events stay in memory. */
export class InProcessEvents implements HandoffEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: HandoffEvent): Promise<void> {
    // Asynchronous like NOTIFY, so callers behave the same on both engines.
    setImmediate(() => this.emitter.emit('event', event));
    return Promise.resolve();
  }

  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}
