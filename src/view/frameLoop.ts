/**
 * The display frames: requestAnimationFrame calling each added function with the real time since the previous
 * frame. Stopped, it asks for no frames at all (a paused page draws nothing); start() resumes it.
 */
export type FrameFn = (dt_ms: number, now_ms: number) => void;

export class FrameLoop {
  private readonly fns: FrameFn[] = [];
  private last = 0;
  private handle = 0;
  private running = false;

  get started(): boolean {
    return this.running;
  }

  add(fn: FrameFn): void {
    this.fns.push(fn);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.last = performance.now();
    this.handle = requestAnimationFrame(this.tick);
  }

  stop(): void {
    this.running = false;
    cancelAnimationFrame(this.handle);
  }

  private readonly tick = (now: number): void => {
    if (!this.running) return;
    // the first frame after a start may carry a timestamp from before it
    const dt = Math.max(0, now - this.last);
    this.last = now;
    for (const fn of this.fns) fn(dt, now);
    if (this.running) this.handle = requestAnimationFrame(this.tick);
  };
}
