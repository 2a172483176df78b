/**
 * The instructor page's engine heard by two: the page's own panels and the classroom hub. The training page's
 * localLink() hands its messages to one listener (the latest set); this one hands each to every listener added.
 */
import type { TrainingLink } from '../training/link';
import type { TrainingMessage } from '../training/trainingProtocol';
import { Listeners } from './transport';

export function sharedLink(link: TrainingLink): TrainingLink {
  const listeners = new Listeners<[TrainingMessage]>();
  link.onMessage((m) => listeners.emit(m));
  return { send: (c) => link.send(c), onMessage: (cb) => listeners.add(cb), close: () => link.close() };
}
