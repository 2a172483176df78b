/**
 * The engine's thread: hosts the live run, advances it by speed × real elapsed time on its own clock, and posts a
 * snapshot after every tick and every command. The page's frames never wait for the engine.
 *
 * The bundled default scenario comes resolved at build time (virtual:pre-resolved-scenario); the scenario resolver
 * (zod, the schema's messages: engine/scenarioText.ts) is imported the first time the page sends any other text (a
 * file, another scenario, settings from the address), and the unit parser (mathjs's Unit: engine/unitsOnDemand.ts)
 * then or at the first live setting. A command waiting for them holds the commands after it and the clock.
 */
import * as preResolved from 'virtual:pre-resolved-scenario';
import { LiveRun, type LoadResult } from './engine/liveRun';
import { unpackScenario } from './engine/packedScenario';
import type { Command, WorkerMessage } from './protocol';
import { everyFrame } from './engine/realClock';
import { loadUnits } from './engine/unitsOnDemand';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((e: MessageEvent<Command>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const run = new LiveRun();

let resolver: Promise<typeof import('./engine/scenarioText')> | undefined;
async function scenarioText(): Promise<typeof import('./engine/scenarioText')> {
  await loadUnits();
  // a failed fetch is asked for again at the next command
  return (resolver ??= import('./engine/scenarioText').catch((e: unknown) => {
    resolver = undefined;
    throw e;
  }));
}

/** Why a module loaded on demand did not come (the network, a stale page after a new build). */
const notLoaded = (what: string, e: unknown) => `the ${what} could not be loaded (${(e as Error).message}); reload the page`;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

function postSnapshot(): void {
  const snapshot = run.snapshot();
  if (snapshot) post({ type: 'snapshot', snapshot });
}

/** Commands not yet handled: one waiting for the resolver holds those after it, and the clock (tick). */
let queued = 0;
let queue: Promise<void> = Promise.resolve();

function tick(elapsed_ms: number): void {
  if (queued > 0) return;
  const wasRunning = run.running;
  const error = run.advanceReal(elapsed_ms);
  if (error) post({ type: 'engineError', message: error });
  // while paused nothing changes between commands, and every command is answered with a snapshot
  if (wasRunning) postSnapshot();
}

/** A scenario's text: the bundled default as resolved at build time, any other through the resolver. */
async function load(text: string, source: string): Promise<LoadResult> {
  if (source === preResolved.source && text === preResolved.text) return run.start(unpackScenario(preResolved.packed), source);
  let reader: typeof import('./engine/scenarioText');
  try {
    reader = await scenarioText();
  } catch (e) {
    return { ok: false, message: `${source}: ${notLoaded('scenario reader', e)}` };
  }
  return reader.loadText(run, text, source);
}

/** A command; a setting's value is a quantity's text ("3200 rpm"), read by the unit parser, loaded first. */
async function command(c: Exclude<Command, { type: 'load' }>): Promise<string | undefined> {
  if (c.type === 'set') {
    try {
      await loadUnits();
    } catch (e) {
      return `Nothing was changed: ${notLoaded('unit reader', e)}`;
    }
  }
  return run.command(c);
}

async function handle(c: Command): Promise<void> {
  if (c.type === 'load') {
    const result = await load(c.text, c.source);
    if (result.ok) post({ type: 'loaded', runId: result.runId, scenario: result.info });
    else post({ type: 'loadError', source: c.source, message: result.message });
  } else {
    const error = await command(c);
    if (error) post({ type: c.type === 'step' || c.type === 'run' ? 'engineError' : 'commandError', message: error });
  }
  postSnapshot();
}

scope.onmessage = (e) => {
  queued++;
  queue = queue
    .then(() => handle(e.data))
    .catch((err: unknown) => post({ type: 'engineError', message: `The engine worker failed: ${(err as Error).message || 'unknown error'}` }))
    .finally(() => queued--);
};

everyFrame(tick);
