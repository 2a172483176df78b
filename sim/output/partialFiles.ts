/**
 * Partial files (`<file>.partial-PID`): a file being written beside its final name, renamed into place when complete.
 * While one is held, SIGINT and SIGTERM remove it before the process ends (exit 130 / 143); one left by a process
 * that died anyway (SIGKILL, power loss) is removed by the next run that writes the same file, once its PID is gone.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const held = new Set<string>();
const EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function onSignal(signal: NodeJS.Signals): void {
  for (const p of held) rmSync(p, { force: true });
  process.exit(EXIT[signal] ?? 1);
}

export function partialName(path: string): string {
  return `${path}.partial-${process.pid}`;
}

/** Marks a partial file as this process's, to be removed if the process is interrupted. */
export function holdPartial(path: string): void {
  if (held.size === 0) for (const s of Object.keys(EXIT)) process.on(s, onSignal);
  held.add(path);
}

/**
 * The partial file was renamed into place or removed. The signal handlers stay one more turn of the event loop,
 * so a Ctrl-C that arrived during a synchronous write is still answered (after the write, with nothing to remove).
 */
export function releasePartial(path: string): void {
  held.delete(path);
  setImmediate(() => {
    if (held.size === 0) for (const s of Object.keys(EXIT)) process.off(s, onSignal);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Removes `<path>.partial-PID` files whose process no longer exists; returns their names. */
export function removeStalePartials(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => {
    if (!n.startsWith(prefix)) return false;
    const pid = n.slice(prefix.length);
    return /^\d+$/.test(pid) && Number(pid) !== process.pid && !alive(Number(pid));
  });
  for (const n of stale) rmSync(join(dir, n), { force: true });
  return stale;
}
