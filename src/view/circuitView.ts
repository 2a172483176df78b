/**
 * The circuit drawn with pixi: patient, cannulae, lines, pump, oxygenator, the hemofilter limb, bags, clamps and
 * pressure tags, animated from the latest engine snapshot. Text is refreshed a few times a second; the cells in
 * the lines and the rotors move every frame.
 */
import { Container, type Application, type Text } from 'pixi.js';
import { CLAMPS, type ClampPath, type ScenarioInfo, type Snapshot } from '../protocol';
import { FlowLine, dotSpeed_px_s } from './bloodFlow';
import { CAPTIONS, CLAMP_SITES, LINES, PRESSURE_TAGS, VIEW_H, VIEW_W, type LineKind, type LineId } from './circuitLayout';
import { BACKGROUND, EFFLUENT_FLUID, LABEL, PRIME, PRIME_TEXT, REPLACEMENT_FLUID, SWEEP_GAS, bloodColour, lighten } from './colors';
import { CentrifugalPump, Hemofilter, Oxygenator, RollerPump, blenderGraphic, clampGraphic, effluentBag, replacementBag, type FilterLook } from './devices';
import { LiveText, MIN_TEXT_px, PressureTag, caption, screenSize_px, textsUnder } from './labels';
import { lineStates, saturations, type LineState } from './lineState';
import { insertionSites, patientFigure } from './patientFigure';
import { fmt as fmtNum } from '../format';
import { bagLevels } from './bags';
import { ALARM_COLOUR, tagAlarm } from './tagAlarm';
import { deviceChangeLook, type DeviceChangeLook } from './deviceChangeLook';

const TEXT_EVERY_s = 0.2;
/** A new circuit's tubing holding its prime: the column and the cells moving over it. */
const PRIME_COLOURS: [number, number] = [PRIME, lighten(PRIME, 0.35)];
const TEXTS_PER_FRAME = 3;
/** Frames longer than this on average (a 60 Hz display skipping frames) thin the cells out; shorter bring them back. */
const LONG_FRAME_s = 0.022;
const SHORT_FRAME_s = 0.018;
const STRIDE_HOLD_s = 1;
const MAX_STRIDE = 3;

export { BACKGROUND };

export class CircuitView {
  private readonly world = new Container();
  private readonly circuitPart = new Container();
  private readonly filterPart = new Container();
  /**
   * What never changes, drawn once into a texture each, not path by path every frame: the patient, the tube walls
   * (under the lines), and over the lines and devices the captions, tag frames, insertion sites and blender.
   */
  private readonly staticLayers: Container[];
  /** Frame interval smoothed, for fewer cells when frames run long. */
  private frameAvg_s = 1 / 60;
  private sinceStride = 0;
  private stride = 1;
  private readonly lines: FlowLine[];
  private readonly pump = new CentrifugalPump();
  private readonly oxygenator = new Oxygenator();
  private readonly roller = new RollerPump();
  private readonly filter = new Hemofilter();
  private readonly effluent = effluentBag();
  private readonly replacement = replacementBag();
  private readonly clamps: Record<ClampPath, Container>;
  private readonly tags: { series: string; tag: PressureTag; part: string }[];
  private readonly text: Record<
    | 'patient'
    | 'recirculation'
    | 'pump'
    | 'blender'
    | 'oxygenatorChange'
    | 'crrtPump'
    | 'filter'
    | 'replacement'
    | 'effluentBag'
    | 'drainageCannula'
    | 'returnCannula',
    LiveText
  >;
  private readonly noCircuit = caption('', CAPTIONS.noCircuit.at, { size: 20, colour: LABEL, anchor: CAPTIONS.noCircuit.anchor });
  private info?: ScenarioInfo;
  private sinceText = Infinity;
  /** Read-outs worked out but not yet set: a few are set each frame. */
  private pendingText: [LiveText, string][] = [];
  private lastFilter: FilterLook = { status: 'running', clotted: 0, fouling: 0, sat_pct: 95 };
  /** Line states and saturations of the snapshot last drawn: frames between snapshots reuse them. */
  private derivedFor: Snapshot | undefined;
  private derived: { states: Record<LineId, LineState>; sats: ReturnType<typeof saturations>; change: DeviceChangeLook | null } | undefined;
  private screen = { w: 0, h: 0 };
  /** Every caption, live read-out and tag text (each grows about its anchor on a small canvas). */
  private readonly texts: Text[];

  constructor(private readonly app: Application) {
    this.lines = LINES.map((l) => new FlowLine(l));
    const linesOf = (part: 'circuit' | 'filter') => this.lines.filter((l) => l.layout.part === part).map((l) => l.container);
    this.clamps = Object.fromEntries(
      (Object.keys(CLAMPS) as ClampPath[]).map((p) => {
        const site = CLAMP_SITES[p];
        const g = clampGraphic(site.at, site.vertical);
        g.visible = false;
        return [p, g];
      }),
    ) as unknown as Record<ClampPath, Container>;
    this.tags = PRESSURE_TAGS.map((t) => ({ series: t.series, part: t.part, tag: new PressureTag(t.label, t.at, t.tag) }));
    const live = (k: keyof typeof CAPTIONS, size = 16, colour?: number) => new LiveText(CAPTIONS[k].at, { size, anchor: CAPTIONS[k].anchor, colour });
    this.text = {
      patient: live('patient', 16),
      recirculation: live('recirculation'),
      pump: live('pump', 16),
      blender: live('blender'),
      oxygenatorChange: live('oxygenatorChange', 13, PRIME_TEXT),
      crrtPump: live('crrtPump'),
      filter: live('filter'),
      replacement: live('replacement'),
      effluentBag: live('effluentBag'),
      drainageCannula: live('drainageCannula'),
      returnCannula: live('returnCannula'),
    };
    const fixed = (k: keyof typeof CAPTIONS, s: string) => caption(s, CAPTIONS[k].at, { size: 15, anchor: CAPTIONS[k].anchor });
    const walls = (part: 'circuit' | 'filter') => new Container({ children: this.lines.filter((l) => l.layout.part === part).map((l) => l.wall) });
    const patient = new Container({ children: [patientFigure()] });
    const tagsOf = (part: 'circuit' | 'filter') => this.tags.filter((t) => t.part === part).map((t) => t.tag);
    const labelsOver = (part: 'circuit' | 'filter', ...others: Container[]) => new Container({ children: [...others, ...tagsOf(part).map((t) => t.frame)] });
    this.staticLayers = [
      patient,
      walls('circuit'),
      walls('filter'),
      labelsOver('circuit', insertionSites(), blenderGraphic(), fixed('oxygenator', 'PMP oxygenator'), fixed('exhaust', 'exhaust')),
      labelsOver('filter', fixed('takeOff', 'post-oxygenator\ntake-off to filter'), fixed('limbReturn', 'filter limb return → pre-pump line')),
    ];
    this.circuitPart.addChild(
      this.staticLayers[1],
      ...linesOf('circuit'),
      this.pump.container,
      this.oxygenator.container,
      this.staticLayers[3],
      this.text.pump.text,
      this.text.blender.text,
      this.text.oxygenatorChange.text,
      this.text.recirculation.text,
      this.text.drainageCannula.text,
      this.text.returnCannula.text,
      ...tagsOf('circuit').map((t) => t.value.text),
      this.clamps['circuit.clamps.drainageLine'],
      this.clamps['circuit.clamps.returnLine'],
    );
    this.filterPart.addChild(
      this.staticLayers[2],
      ...linesOf('filter'),
      this.roller.container,
      this.filter.container,
      this.effluent.container,
      this.replacement.container,
      this.staticLayers[4],
      this.text.crrtPump.text,
      this.text.filter.text,
      this.text.replacement.text,
      this.text.effluentBag.text,
      ...tagsOf('filter').map((t) => t.value.text),
      this.clamps['circuit.clamps.filterLimb'],
    );
    // the filter limb is drawn under the main circuit where they meet at the junctions
    this.world.addChild(patient, this.text.patient.text, this.filterPart, this.circuitPart, this.noCircuit);
    app.stage.addChild(this.world);
    this.texts = textsUnder(this.world);
    this.fit();
  }

  setScenario(info: ScenarioInfo): void {
    this.info = info;
    this.circuitPart.visible = info.hasCircuit;
    this.filterPart.visible = info.hasCircuit && info.hasFilter;
    this.noCircuit.visible = !info.hasCircuit;
    this.noCircuit.text = info.hasCircuit ? '' : 'No extracorporeal circuit in this scenario\n(standard care: no ECMO, no hemofilter)';
    this.sinceText = Infinity;
    this.pendingText = [];
    this.text.patient.set(`Patient · ${fmtNum(info.weight_kg, 0)} kg`);
  }

  /** One display frame: dt_s of real time has passed; the circuit moves only while the simulation runs. */
  frame(dt_s: number, snap: Snapshot | undefined): void {
    this.fit();
    if (!snap || !this.info) return;
    const move = snap.running ? dt_s : 0;
    if (snap.running) this.adaptCells(dt_s);
    const obs = snap.obs;
    // derived once per snapshot, not once per frame
    if (this.derivedFor !== snap) this.derived = { states: lineStates(obs), sats: saturations(obs), change: deviceChangeLook(snap.settings.deviceChange) };
    this.derivedFor = snap;
    const { states, sats, change } = this.derived!;
    if (!this.info.hasCircuit) return this.textUpdate(dt_s, snap, states);
    for (const line of this.lines) {
      if (line.layout.part === 'filter' && !this.info.hasFilter) continue;
      const st = states[line.layout.id];
      // a new circuit's tubing holds its clear prime while it goes in (the cannulae stay, with their blood)
      const primed = change?.primedTubing && line.layout.kind === 'ecmo';
      const [core, dots] = primed ? PRIME_COLOURS : coloursOf(st);
      line.setStride(this.stride);
      line.update(move, dotSpeed_px_s(st.flow_mL_min, this.boreOf(line.layout.id, line.layout.kind, snap), line.layout.kind), core, dots);
    }
    this.pump.update(move, change?.headStill ? 0 : obs.pump_speed_rpm, sats.prePump, change?.primedPump);
    this.oxygenator.update(sats.prePump, sats.post, change?.primedOxygenator);
    // for the page's tests: the device whose change is drawn ('' when none)
    this.app.canvas.dataset.deviceChange = snap.settings.deviceChange?.device ?? '';
    for (const p of Object.keys(this.clamps) as ClampPath[]) this.clamps[p].visible = snap.settings.clamps[p];
    if (this.info.hasFilter) {
      this.roller.update(move, states.limbAccess.flow_mL_min);
      this.filter.update(this.filterLook(snap, sats.post));
      const bags = bagLevels(obs);
      this.effluent.update(bags.effluentFill);
      this.replacement.update(bags.replacementFill);
    }
    this.textUpdate(dt_s, snap, states);
  }

  /**
   * Fewer cells when frames run long: the smoothed frame interval above LONG_FRAME_s draws every other cell (then
   * every third), below SHORT_FRAME_s all of them again; at most one change per STRIDE_HOLD_s.
   */
  private adaptCells(dt_s: number): void {
    this.frameAvg_s += (dt_s - this.frameAvg_s) * 0.1;
    this.sinceStride += dt_s;
    if (this.sinceStride < STRIDE_HOLD_s) return;
    const stride =
      this.frameAvg_s > LONG_FRAME_s ? Math.min(this.stride + 1, MAX_STRIDE) : this.frameAvg_s < SHORT_FRAME_s ? Math.max(this.stride - 1, 1) : this.stride;
    if (stride === this.stride) return;
    this.stride = stride;
    this.sinceStride = 0;
    // for the benchmark: every how many cells one is drawn
    this.app.canvas.dataset.cellStride = String(stride);
  }

  /**
   * Every TEXT_EVERY_s the read-outs are worked out, then set a few a frame (TEXTS_PER_FRAME changed ones): each
   * changed text is rasterised again by pixi, and all of them in one frame made that frame long.
   */
  private textUpdate(dt_s: number, snap: Snapshot, states: Record<LineId, LineState>): void {
    this.sinceText += dt_s;
    if (!this.pendingText.length && this.sinceText >= TEXT_EVERY_s && this.info?.hasCircuit) {
      this.sinceText = 0;
      this.pendingText = this.readouts(snap, states);
      this.colourTags(snap);
    }
    let changed = 0;
    while (this.pendingText.length && changed < TEXTS_PER_FRAME) {
      const [text, s] = this.pendingText.shift()!;
      if (text.set(s)) changed++;
    }
  }

  /** Each pressure tag's value in the colour of the most urgent alarm on its series (tagAlarm.ts); the canvas lists them. */
  private colourTags(snap: Snapshot): void {
    const alarmed: string[] = [];
    for (const { series, tag } of this.tags) {
      const priority = tagAlarm(snap.alarms, series);
      tag.value.colour(priority ? ALARM_COLOUR[priority] : LABEL);
      if (priority) alarmed.push(`${series}:${priority}`);
    }
    this.app.canvas.dataset.alarmTags = alarmed.join(' ');
  }

  /** The circuit's read-outs for a snapshot: each live text with what it should say. */
  private readouts(snap: Snapshot, states: Record<LineId, LineState>): [LiveText, string][] {
    const o = snap.obs;
    const s = snap.settings;
    const t = this.text;
    const change = this.derived?.change;
    const beside = (words: string | undefined) => (words ? `\n${words}` : '');
    const out: [LiveText, string][] = [
      [
        t.pump,
        `Centrifugal pump\n${change?.pump || `${fmtNum(o.pump_speed_rpm, 0)} rpm · ${o.flow_no_signal === 1 ? 'SIG' : `${fmtNum(o.console_flow_L_min, 2)} L/min`}`}`,
      ],
      [t.blender, `Sweep ${fmtNum(o.sweep_gas_L_min, 1)} L/min\nFiO₂ ${fmtNum(s.values['circuit.oxygenator.fio2'], 0)} %`],
      [t.oxygenatorChange, change?.oxygenator ?? ''],
      [t.recirculation, `recirculation ${fmtNum(o.recirculation_pct, 0)} %`],
      [t.drainageCannula, `${fmtNum(s.drainageCannula_Fr, 0)} Fr femoral\ndrainage cannula${beside(change?.drainageCannula)}`],
      [t.returnCannula, `${fmtNum(s.returnCannula_Fr, 0)} Fr jugular\nreturn cannula${beside(change?.returnCannula)}`],
      ...this.tags.map((g): [LiveText, string] => [g.tag.value, PressureTag.text(o[g.series])]),
    ];
    if (!this.info?.hasFilter) return out;
    const look = this.lastFilter;
    const status =
      look.status === 'running'
        ? `TMP ${fmtNum(o.tmp_mmHg, 0)} mmHg\nclotted ${fmtNum(100 * look.clotted, 0)} %\nKuf ${fmtNum(o.kuf_mL_h_mmHg, 0)} mL/h/mmHg`
        : look.status === 'changing'
          ? 'changing filter:\npriming a new one'
          : look.status === 'clamped'
            ? 'limb clamped:\nblood pump stopped'
            : look.status === 'suspended'
              ? 'treatment suspended:\nblood-leak alarm'
              : 'blood pump stopped';
    const pre = states.predilution.flow_mL_min * 60;
    const post = states.postdilution.flow_mL_min * 60;
    const bags = bagLevels(o);
    out.push(
      [t.crrtPump, `CRRT blood pump ${fmtNum(states.limbAccess.flow_mL_min, 0)} mL/min`],
      [t.filter, `Hemofilter\n${status}`],
      [t.replacement, `Replacement\npre ${fmtNum(pre, 0)} · post ${fmtNum(post, 0)} mL/h`],
      [
        t.effluentBag,
        `${bags.effluentName}\n${fmtNum(bags.effluent_mL / 1000, 2)} of ${fmtNum(bags.effluentCapacity_mL / 1000, 1)} L\n${fmtNum(o.effluent_rate_mL_h, 0)} mL/h`,
      ],
    );
    return out;
  }

  private filterLook(snap: Snapshot, sat_pct: number): FilterLook {
    const o = snap.obs;
    if (Number.isFinite(o.filter_age_h)) {
      const clotted = o.filter_clotted_pct / 100;
      const openKuf = snap.settings.kufClean_mL_h_mmHg * (1 - clotted);
      this.lastFilter = { status: 'running', clotted, fouling: openKuf > 0 ? 1 - o.kuf_mL_h_mmHg / openKuf : 0, sat_pct };
    } else {
      const status = snap.settings.clamps['circuit.clamps.filterLimb']
        ? 'clamped'
        : o.crrt_suspended === 1
          ? 'suspended'
          : snap.settings.values['prescription.filterBloodFlow'] <= 0
            ? 'stopped'
            : 'changing';
      this.lastFilter = status === 'changing' ? { status, clotted: 0, fouling: 0, sat_pct } : { ...this.lastFilter, status };
    }
    return this.lastFilter;
  }

  private boreOf(id: LineId, kind: LineKind, snap: Snapshot): number {
    const s = snap.settings;
    if (id === 'drainageCannula') return s.drainageCannulaId_mm;
    if (id === 'returnCannula') return s.returnCannulaId_mm;
    if (kind === 'ecmo') return s.tubingId_mm;
    if (kind === 'limb') return s.limbLineId_mm;
    return kind === 'gas' ? 4 : 3;
  }

  /** Scales the logical layout to fit the canvas, centred. */
  private fit(): void {
    const { width, height } = this.app.screen;
    if (width === this.screen.w && height === this.screen.h) return;
    this.screen = { w: width, h: height };
    const k = Math.min(width / VIEW_W, height / VIEW_H);
    this.world.scale.set(k);
    this.world.position.set((width - VIEW_W * k) / 2, (height - VIEW_H * k) / 2);
    // the cached layers are rasterised at the scale they are drawn at, so they stay as sharp as the live parts
    // the captions in the cached layers grow first, so the layers are drawn again with them at their new size
    this.growText(k);
    const resolution = k * this.app.renderer.resolution;
    for (const layer of this.staticLayers) layer.cacheAsTexture({ resolution, antialias: true });
  }

  /**
   * Text never drawn smaller than MIN_TEXT_px: when the view is scaled down, each caption, read-out and tag text
   * grows about its anchor by what it needs (larger ones need less or nothing). The canvas says how large its
   * smallest text is on screen (data-min-text-px).
   */
  private growText(k: number): void {
    let smallest = Infinity;
    for (const t of this.texts) {
      t.scale.set(Math.max(1, MIN_TEXT_px / (k * Number(t.style.fontSize))));
      smallest = Math.min(smallest, screenSize_px(t));
    }
    this.app.canvas.dataset.minTextPx = smallest.toFixed(2);
  }
}

function coloursOf(st: LineState): [number, number] {
  switch (st.fluid) {
    case 'blood': {
      const c = bloodColour(st.sat_pct);
      return [c, lighten(c, 0.35)];
    }
    case 'replacement':
      return [REPLACEMENT_FLUID, 0xffffff];
    case 'effluent':
      return [EFFLUENT_FLUID, 0xfff6c8];
    case 'gas':
      return [0x33505c, SWEEP_GAS];
  }
}
