/** STAND-IN for the training page's localLink(): the instructor page's own engine worker (standIn.worker.ts). */
import type { TrainingLink, TrainingMessage } from '../contract';

export function standInLocalLink(): TrainingLink {
  const worker = new Worker(new URL('./standIn.worker.ts', import.meta.url), { type: 'module' });
  const listeners: ((m: TrainingMessage) => void)[] = [];
  worker.onmessage = (e: MessageEvent<TrainingMessage>) => listeners.forEach((cb) => cb(e.data));
  return {
    send: (c) => worker.postMessage(c),
    onMessage: (cb) => void listeners.push(cb),
    close: () => worker.terminate(),
  };
}
