/**
 * The circuit drawn on a Canvas 2D context: patient, cannulae, lines, pump, oxygenator, the hemofilter limb, bags,
 * clamps and pressure tags, animated from the latest engine snapshot. Three layers, each drawn only when it changes:
 * what never changes (background, patient, tube walls; at a resize), what changes with the snapshot (the columns'
 * colours, the devices' looks, the bags; when one of them moves by a visible step), and the text on top (captions,
 * read-outs, tags, clamps; a few times a second). Each frame copies the two cached layers around what moves: the
 * cells in the lines and the rotors.
 */
import { CLAMPS, type ClampPath, type ScenarioInfo, type Snapshot } from '../protocol';
import { FlowLine, dotSpeed_px_s } from './bloodFlow';
import { CAPTIONS, CLAMP_SITES, LINES, PRESSURE_TAGS, type LineKind, type LineId } from './circuitLayout';
import { BACKGROUND, EFFLUENT_FLUID, LABEL, REPLACEMENT_FLUID, SWEEP_GAS, bloodColour, lighten } from './colors';
import { CentrifugalPump, Hemofilter, Oxygenator, RollerPump, drawBlender, drawClamp, effluentBag, replacementBag, type FilterLook } from './devices';
import { css, type Ctx } from './draw';
import { Caption, LiveText, PressureTag } from './labels';
import { lineStates, saturations, type LineState } from './lineState';
import { drawInsertionSites, drawPatient } from './patientFigure';
import type { Surface } from './surface';
import { fmt as fmtNum } from '../format';
import { bagLevels } from './bags';

const TEXT_EVERY_s = 0.2;
/** Frames longer than this on average (a 60 Hz display skipping frames) thin the cells out; shorter bring them back. */
const LONG_FRAME_s = 0.022;
const SHORT_FRAME_s = 0.018;
const STRIDE_HOLD_s = 1;
const MAX_STRIDE = 3;
/** Saturation steps (%) the colours are drawn in: finer than the colour scale resolves (25 % over 52 levels of red). */
const SAT_STEP_pct = 0.5;

export { BACKGROUND };

type Part = 'circuit' | 'filter';
type Layer = { canvas: HTMLCanvasElement; ctx: Ctx };
type TextKey = 'patient' | 'recirculation' | 'pump' | 'blender' | 'crrtPump' | 'filter' | 'replacement' | 'effluentBag' | 'drainageCannula' | 'returnCannula';

/** Which part of the circuit each live read-out belongs to (hidden with it); the patient's is always shown. */
const TEXT_PART: Record<TextKey, Part | 'patient'> = {
  patient: 'patient',
  recirculation: 'circuit',
  pump: 'circuit',
  blender: 'circuit',
  crrtPump: 'filter',
  filter: 'filter',
  replacement: 'filter',
  effluentBag: 'filter',
  drainageCannula: 'circuit',
  returnCannula: 'circuit',
};

export class CircuitView {
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
  private clampsShown: Record<ClampPath, boolean>;
  private readonly tags: { series: string; tag: PressureTag; part: Part }[];
  private readonly text: Record<TextKey, LiveText>;
  private readonly fixed: { caption: Caption; part: Part }[];
  private readonly noCircuit = new Caption('', CAPTIONS.noCircuit.at, { size: 20, colour: LABEL, anchor: CAPTIONS.noCircuit.anchor });
  private info?: ScenarioInfo;
  private sinceText = Infinity;
  private lastFilter: FilterLook = { status: 'running', clotted: 0, fouling: 0, sat_pct: 95 };
  /** Line states and saturations of the snapshot last drawn: frames between snapshots reuse them. */
  private derivedFor: Snapshot | undefined;
  private derived: { states: Record<LineId, LineState>; sats: ReturnType<typeof saturations> } | undefined;
  /** The cached layers and whether each must be drawn again before the next copy. */
  private readonly base: Layer;
  private readonly looks: Layer;
  private readonly over: Layer;
  private dirty = { base: true, looks: true, over: true };
  private shownOnce = false;

  constructor(private readonly surface: Surface) {
    this.base = surface.layer();
    this.looks = surface.layer();
    this.over = surface.layer();
    this.lines = LINES.map((l) => new FlowLine(l));
    this.clampsShown = Object.fromEntries((Object.keys(CLAMPS) as ClampPath[]).map((p) => [p, false])) as Record<ClampPath, boolean>;
    this.tags = PRESSURE_TAGS.map((t) => ({ series: t.series, part: t.part, tag: new PressureTag(t.label, t.at, t.tag) }));
    const live = (k: TextKey, size = 16) => new LiveText(CAPTIONS[k].at, { size, anchor: CAPTIONS[k].anchor });
    this.text = {
      patient: live('patient', 16),
      recirculation: live('recirculation'),
      pump: live('pump', 16),
      blender: live('blender'),
      crrtPump: live('crrtPump'),
      filter: live('filter'),
      replacement: live('replacement'),
      effluentBag: live('effluentBag'),
      drainageCannula: live('drainageCannula'),
      returnCannula: live('returnCannula'),
    };
    const fixed = (k: keyof typeof CAPTIONS, s: string, part: Part) => ({
      caption: new Caption(s, CAPTIONS[k].at, { size: 15, anchor: CAPTIONS[k].anchor }),
      part,
    });
    this.fixed = [
      fixed('oxygenator', 'PMP oxygenator', 'circuit'),
      fixed('exhaust', 'exhaust', 'circuit'),
      fixed('takeOff', 'post-oxygenator\ntake-off to filter', 'filter'),
      fixed('limbReturn', 'filter limb return → pre-pump line', 'filter'),
    ];
  }

  setScenario(info: ScenarioInfo): void {
    this.info = info;
    this.noCircuit.text = info.hasCircuit ? '' : 'No extracorporeal circuit in this scenario\n(standard care: no ECMO, no hemofilter)';
    this.sinceText = Infinity;
    this.text.patient.set(`Patient · ${fmtNum(info.weight_kg, 0)} kg`);
    this.dirty = { base: true, looks: true, over: true };
  }

  /** One display frame: dt_s of real time has passed; the circuit moves only while the simulation runs. */
  frame(dt_s: number, snap: Snapshot | undefined): void {
    if (this.surface.fit()) this.dirty = { base: true, looks: true, over: true };
    const moving = snap !== undefined && snap.running && this.info !== undefined && this.info.hasCircuit;
    if (snap && this.info) this.update(dt_s, snap);
    const { base, looks, over } = this.dirty;
    if (base) this.drawBase();
    if (looks) this.drawLooks();
    if (over) this.drawOver();
    this.dirty = { base: false, looks: false, over: false };
    // nothing moved and no layer changed: what is on the canvas is still right
    if (!moving && !base && !looks && !over && this.shownOnce) return;
    this.compose();
  }

  /** The snapshot's state into the parts: cells and rotors move, the layers they change are marked for drawing. */
  private update(dt_s: number, snap: Snapshot): void {
    const info = this.info!;
    const move = snap.running ? dt_s : 0;
    if (snap.running) this.adaptCells(dt_s);
    const obs = snap.obs;
    // derived once per snapshot, not once per frame
    if (this.derivedFor !== snap) this.derived = { states: lineStates(obs), sats: saturations(obs) };
    this.derivedFor = snap;
    const { states, sats } = this.derived!;
    let looks = false;
    if (info.hasCircuit) {
      for (const line of this.lines) {
        if (line.layout.part === 'filter' && !info.hasFilter) continue;
        const st = states[line.layout.id];
        const [core, dots] = coloursOf(st);
        line.setStride(this.stride);
        looks = line.update(move, dotSpeed_px_s(st.flow_mL_min, this.boreOf(line.layout.id, line.layout.kind, snap), line.layout.kind), core, dots) || looks;
      }
      looks = this.pump.update(move, obs.pump_speed_rpm, stepped(sats.prePump)) || looks;
      looks = this.oxygenator.update(stepped(sats.prePump), stepped(sats.post)) || looks;
      for (const p of Object.keys(this.clampsShown) as ClampPath[]) {
        if (this.clampsShown[p] !== snap.settings.clamps[p]) this.dirty.over = true;
        this.clampsShown[p] = snap.settings.clamps[p];
      }
    }
    if (info.hasCircuit && info.hasFilter) {
      this.roller.update(move, states.limbAccess.flow_mL_min);
      looks = this.filter.update(this.filterLook(snap, sats.post)) || looks;
      const bags = bagLevels(obs);
      looks = this.effluent.update(bags.effluentFill) || looks;
      looks = this.replacement.update(bags.replacementFill) || looks;
    }
    if (looks) this.dirty.looks = true;
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
    this.surface.canvas.dataset.cellStride = String(stride);
  }

  private shown(part: Part | 'patient'): boolean {
    const info = this.info;
    if (part === 'patient') return true;
    if (!info || !info.hasCircuit) return false;
    return part === 'circuit' || info.hasFilter;
  }

  /** Background, patient and tube walls: drawn at a resize or a scenario change only. */
  private drawBase(): void {
    const { ctx } = this.base;
    this.surface.reset(this.base);
    ctx.fillStyle = css(BACKGROUND);
    ctx.fillRect(0, 0, this.base.canvas.width, this.base.canvas.height);
    this.surface.toWorld(ctx);
    drawPatient(ctx);
    for (const part of ['filter', 'circuit'] as const) if (this.shown(part)) for (const line of this.lines) if (line.layout.part === part) line.drawWall(ctx);
  }

  /** The base with the columns' colours and the devices' looks over it (the filter limb under the main circuit). */
  private drawLooks(): void {
    const { ctx } = this.looks;
    this.surface.reset(this.looks);
    ctx.drawImage(this.base.canvas, 0, 0);
    this.surface.toWorld(ctx);
    if (this.shown('filter')) {
      for (const line of this.lines) if (line.layout.part === 'filter') line.drawCore(ctx);
      this.roller.drawBase(ctx);
      this.filter.drawLook(ctx);
      this.effluent.drawLook(ctx);
      this.replacement.drawLook(ctx);
    }
    if (this.shown('circuit')) {
      for (const line of this.lines) if (line.layout.part === 'circuit') line.drawCore(ctx);
      this.pump.drawBase(ctx);
      this.pump.drawLook(ctx);
      this.oxygenator.drawBase(ctx);
      this.oxygenator.drawLook(ctx);
      drawBlender(ctx);
    }
  }

  /**
   * Captions, read-outs, tags and clamps on a transparent layer. Text is never drawn smaller than MIN_TEXT_px: when
   * the view is scaled down each text grows about its anchor by what it needs (larger ones need less or nothing). The
   * canvas says how large its smallest text is on screen (data-min-text-px).
   */
  private drawOver(): void {
    const { ctx } = this.over;
    const k = this.surface.k;
    this.surface.reset(this.over);
    this.surface.toWorld(ctx);
    let smallest = Infinity;
    if (this.shown('circuit')) drawInsertionSites(ctx);
    for (const [key, t] of Object.entries(this.text) as [TextKey, LiveText][])
      if (this.shown(TEXT_PART[key])) smallest = Math.min(smallest, t.text.draw(ctx, k));
    for (const f of this.fixed) if (this.shown(f.part)) smallest = Math.min(smallest, f.caption.draw(ctx, k));
    for (const t of this.tags) if (this.shown(t.part)) smallest = Math.min(smallest, t.tag.draw(ctx, k));
    for (const p of Object.keys(this.clampsShown) as ClampPath[]) {
      const site = CLAMP_SITES[p];
      if (this.clampsShown[p] && this.shown(site.part)) drawClamp(ctx, site.at, site.vertical);
    }
    smallest = Math.min(smallest, this.noCircuit.draw(ctx, k));
    if (Number.isFinite(smallest)) this.surface.canvas.dataset.minTextPx = smallest.toFixed(2);
  }

  /** The frame: the looks layer, the cells and rotors over it, the text layer on top. */
  private compose(): void {
    const { ctx } = this.surface;
    this.surface.toDevice(ctx);
    ctx.drawImage(this.looks.canvas, 0, 0);
    this.surface.toWorld(ctx);
    if (this.shown('filter')) {
      for (const line of this.lines) if (line.layout.part === 'filter') line.drawCells(ctx);
      this.roller.drawFrame(ctx);
    }
    if (this.shown('circuit')) {
      for (const line of this.lines) if (line.layout.part === 'circuit') line.drawCells(ctx);
      this.pump.drawFrame(ctx);
    }
    this.surface.toDevice(ctx);
    ctx.drawImage(this.over.canvas, 0, 0);
    this.shownOnce = true;
  }

  /** Every TEXT_EVERY_s the read-outs are worked out and set; the text layer is drawn again if one changed. */
  private textUpdate(dt_s: number, snap: Snapshot, states: Record<LineId, LineState>): void {
    this.sinceText += dt_s;
    if (this.sinceText < TEXT_EVERY_s || !this.info?.hasCircuit) return;
    this.sinceText = 0;
    for (const [text, s] of this.readouts(snap, states)) if (text.set(s)) this.dirty.over = true;
  }

  /** The circuit's read-outs for a snapshot: each live text with what it should say. */
  private readouts(snap: Snapshot, states: Record<LineId, LineState>): [LiveText, string][] {
    const o = snap.obs;
    const s = snap.settings;
    const t = this.text;
    const out: [LiveText, string][] = [
      [t.pump, `Centrifugal pump\n${fmtNum(o.pump_speed_rpm, 0)} rpm · ${fmtNum(o.pump_flow_L_min, 2)} L/min`],
      [t.blender, `Sweep ${fmtNum(o.sweep_gas_L_min, 1)} L/min\nFiO₂ ${fmtNum(s.values['circuit.oxygenator.fio2'], 0)} %`],
      [t.recirculation, `recirculation ${fmtNum(o.recirculation_pct, 0)} %`],
      [t.drainageCannula, `${fmtNum(s.drainageCannula_Fr, 0)} Fr femoral\ndrainage cannula`],
      [t.returnCannula, `${fmtNum(s.returnCannula_Fr, 0)} Fr jugular\nreturn cannula`],
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
}

/** A saturation rounded to the steps the colours are drawn in. */
function stepped(sat_pct: number): number {
  return Number.isFinite(sat_pct) ? Math.round(sat_pct / SAT_STEP_pct) * SAT_STEP_pct : sat_pct;
}

function coloursOf(st: LineState): [number, number] {
  switch (st.fluid) {
    case 'blood': {
      const c = bloodColour(stepped(st.sat_pct));
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
