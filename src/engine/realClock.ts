/**
 * The engines' threads (the live page's and the training page's) advance their simulation by speed × real elapsed
 * time: `tick` is called about once a display frame with the real time since its previous call.
 */

/** About one display frame. */
const TICK_ms = 15;
/** A stalled thread does not jump ahead: at most this much real time counts per tick. */
const MAX_ELAPSED_ms = 250;

export function everyFrame(tick: (elapsed_ms: number) => void): void {
  let last = performance.now();
  const loop = (): void => {
    const now = performance.now();
    tick(Math.min(now - last, MAX_ELAPSED_ms));
    last = now;
    setTimeout(loop, TICK_ms);
  };
  loop();
}
