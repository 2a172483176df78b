/** What the fuzz command's main thread and its workers send each other. */
import type { Outcome } from '../../tools/fuzz/runCase.js';

export interface Job {
  seed: number;
  index: number;
  hours: number;
}
/** What a worker posts once its modules are loaded: a case's time budget starts when it is sent, not before. */
export const READY = 'ready';
export interface Reply {
  index: number;
  outcome: Outcome;
}
