/**
 * The training session saved as it grows, in the browser's IndexedDB (one object store, keyed by session id): the
 * session log (each entry stamped with simulated and wall time), the trend samples (one per simulated minute, each
 * with its wall time) and the commands the trainee and instructor gave, with their times. A reloaded or crashed
 * tab finds the unfinished session here and resumes it (the engine replays the commands; the page shows the log).
 */
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { LoggedCommand, TrainingCommand } from './trainingProtocol';

/** The trainee page's sessions; the instructor page keeps its own (instructorPage.ts), so neither offers the other's. */
export const TRAINEE_DB = 'ecmo-training';
const STORE = 'sessions';

export interface SavedTrend {
  t_h: number;
  wall: string;
  /** TREND_SERIES order (src/protocol.ts) */
  values: number[];
}

export interface SavedSession {
  id: string;
  /** the training scenario's id (its file name) */
  scenario: string;
  name: string;
  started: string;
  updated: string;
  t_h: number;
  ended: boolean;
  log: SessionEntry[];
  trends: SavedTrend[];
  commands: LoggedCommand[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export class SessionStore {
  private constructor(private readonly db: IDBDatabase) {}

  static open(dbName = TRAINEE_DB): Promise<SessionStore> {
    const r = indexedDB.open(dbName, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
    return request(r).then((db) => new SessionStore(db));
  }

  /** Writes the session whole (one put: a crash leaves the last complete copy). */
  save(s: SavedSession): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(s);
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
  }

  all(): Promise<SavedSession[]> {
    return request(this.db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<SavedSession[]>);
  }

  /** The most recently updated session that has not ended, if any. */
  async unfinished(): Promise<SavedSession | undefined> {
    const open = (await this.all()).filter((s) => !s.ended);
    return open.sort((a, b) => b.updated.localeCompare(a.updated))[0];
  }

  remove(id: string): Promise<void> {
    return request(this.db.transaction(STORE, 'readwrite').objectStore(STORE).delete(id)).then(() => undefined);
  }
}

/** The engine's command that resumes a saved session: its commands replayed, its log entries' wall times taken back. */
export function resumeCommand(saved: SavedSession): TrainingCommand {
  const walls = saved.log.flatMap((e) => (e.wall ? [{ t_h: e.t_h, id: e.id, wall: e.wall }] : []));
  return { type: 'resume', id: saved.scenario, commands: saved.commands, t_h: saved.t_h, walls };
}

/** A new session's record (its id: the scenario and the wall time it started). */
export function newSession(scenario: string, name: string, wall: Date): SavedSession {
  const started = wall.toISOString();
  return { id: `${scenario}@${started}`, scenario, name, started, updated: started, t_h: 0, ended: false, log: [], trends: [], commands: [] };
}

/** Adds a snapshot's news to the record: log entries, commands, and a trend sample per simulated minute. */
export function recordSnapshot(
  s: SavedSession,
  snap: { t_h: number; ended: boolean; log: SessionEntry[]; commands: LoggedCommand[]; trend: { t_h: number; values: number[] }[] },
  wall: Date,
): void {
  const w = wall.toISOString();
  s.updated = w;
  s.t_h = snap.t_h;
  s.ended = snap.ended;
  s.log.push(...snap.log);
  s.commands.push(...snap.commands);
  for (const p of snap.trend) {
    const last = s.trends.at(-1);
    if (!last || p.t_h >= last.t_h + 1 / 60 - 1e-9) s.trends.push({ t_h: p.t_h, wall: w, values: p.values });
  }
}
