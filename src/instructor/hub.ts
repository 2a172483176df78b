/**
 * The instructor's side of a classroom session. The simulation runs once, in the instructor page's own worker (a
 * local TrainingLink); the hub forwards what the trainees may see (the trainee's view of each snapshot, at most a few
 * times a second, marked `keep` so a late or reloaded trainee sees the state at once; the trainee-visible log) and
 * passes the trainees' own commands (set, action, acknowledge, silence, orderLab) to the worker. It keeps who is
 * connected and what each did, for the instructor's page. The scenario's info and run id travel with every state, so
 * a late joiner's page loads the scenario (its objectives, its lab buttons) before it draws the state.
 */
import type { TrainingLink } from '../training/link';
import type { TrainingInfo, TrainingMessage, TrainingSnapshot } from '../training/trainingProtocol';
import { traineeLog, traineeView } from '../training/traineeView';
import { Listeners, type PeerEvent, type Transport } from './transport';
import { readTraineePayload, type InstructorPayload, type TraineeCommand } from './wire';
import type { SessionEntry } from '../../sim/training/sessionLog';

export interface TraineeRecord {
  number: number;
  name?: string;
  connected: boolean;
  /** the trainee's commands as they came, latest last (at most the last 50) */
  commands: TraineeCommand[];
  refused: number;
}

export interface HubOptions {
  /** at most one state to the trainees per this many ms (the last one always goes) */
  minInterval_ms?: number;
  newSessionId?: () => string;
}

export class InstructorHub {
  readonly trainees = new Map<number, TraineeRecord>();
  private readonly changes = new Listeners<[]>();
  private info?: TrainingInfo;
  private runId = -1;
  private session = '';
  private latest?: TrainingSnapshot;
  /** the trainee-visible log so far */
  private readonly visible: SessionEntry[] = [];
  /** visible[sent..] not yet sent */
  private sent = 0;
  private debrief?: InstructorPayload;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = -Infinity;

  constructor(
    private readonly local: TrainingLink,
    private readonly transport: Transport,
    private readonly options: HubOptions = {},
  ) {
    local.onMessage((m) => this.fromEngine(m));
    transport.onPayload((p, trainee) => this.fromTrainee(p, trainee));
    transport.onPeer((e) => this.peer(e));
  }

  /** Called when the trainees' list or a trainee's commands change. */
  onChange(cb: () => void): void {
    this.changes.add(cb);
  }

  /**
   * An engine message, as if it came now: the page hands over what came before the session started (the loaded
   * scenario and the log so far) when it starts one mid-scenario.
   */
  receive(m: TrainingMessage): void {
    this.fromEngine(m);
  }

  /**
   * A resumed session's log from before the instructor page's reload (the engine replays it silently and does not
   * send it again): the trainees get what of it they may see, with the next state.
   */
  seedLog(entries: readonly SessionEntry[]): void {
    this.visible.push(...traineeLog(entries));
  }

  private fromEngine(m: TrainingMessage): void {
    if (m.type === 'trainingLoaded') {
      this.info = m.info;
      this.runId = m.runId;
      this.session = (this.options.newSessionId ?? (() => Math.random().toString(36).slice(2, 12)))();
      this.visible.length = 0;
      this.sent = 0;
      this.latest = undefined;
      this.debrief = undefined;
    } else if (m.type === 'trainingSnapshot') {
      const v = traineeView(m.full);
      this.visible.push(...v.log);
      // trend samples and commands come once each: those of snapshots not yet sent go with the next
      const unsent = this.timer !== undefined ? this.latest : undefined;
      const trend = unsent ? [...unsent.trend, ...v.trend] : v.trend;
      const commands = unsent ? [...unsent.commands, ...v.commands] : v.commands;
      this.latest = { ...v, log: [], trend, commands };
      this.schedule();
    } else if (m.type === 'debrief') {
      this.flush();
      this.debrief = { kind: 'debrief', session: this.session, json: m.json, html: m.html };
      this.transport.send(this.debrief);
    }
  }

  /** Sends now if the last state went long enough ago, else once that time has passed. */
  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = this.lastSent + (this.options.minInterval_ms ?? 250) - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.info || !this.latest) return;
    this.sendState(this.sent);
  }

  private sendState(from: number): void {
    if (!this.info || !this.latest) return;
    const state: InstructorPayload = {
      kind: 'state',
      session: this.session,
      runId: this.runId,
      info: this.info,
      snapshot: this.latest,
      from,
      entries: this.visible.slice(from),
    };
    this.transport.send(state, true);
    this.sent = this.visible.length;
    this.lastSent = Date.now();
  }

  private fromTrainee(p: unknown, trainee: number | undefined): void {
    const record = this.record(trainee ?? 0);
    const read = readTraineePayload(p);
    if (typeof read === 'string') {
      record.refused++;
    } else if (read.kind === 'resync') {
      // the whole trainee-visible log (everyone gets it; a page with the log already takes only what is new)
      this.sendState(0);
      if (this.debrief) this.transport.send(this.debrief);
    } else {
      this.local.send(read.command);
      record.commands.push(read.command);
      if (record.commands.length > 50) record.commands.shift();
    }
    this.changes.emit();
  }

  private peer(e: PeerEvent): void {
    if (e.trainee === undefined) return;
    const r = this.record(e.trainee);
    r.connected = e.event === 'trainee_joined';
    if (e.name) r.name = e.name;
    this.changes.emit();
  }

  private record(n: number): TraineeRecord {
    let r = this.trainees.get(n);
    if (!r) this.trainees.set(n, (r = { number: n, connected: true, commands: [], refused: 0 }));
    return r;
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.transport.close();
  }
}
