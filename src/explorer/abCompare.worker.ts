/** An A/B comparison's worker: runs one prescription over time (abCompareRun.ts) and posts back its trends, or why it could not. */
import { runAbArm, type AbRequest, type AbTrace } from './abCompareRun';

export type AbReply = { trace: AbTrace } | { error: string };

self.onmessage = (e: MessageEvent<AbRequest>) => {
  let reply: AbReply;
  try {
    reply = { trace: runAbArm(e.data) };
  } catch (err) {
    reply = { error: (err as Error).message };
  }
  self.postMessage(reply);
};
