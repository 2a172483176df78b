/**
 * The devices of the circuit drawn on a Canvas 2D context: centrifugal pump with its turning rotor, PMP oxygenator,
 * gas blender, CRRT roller pump, hemofilter (darkening as it fouls and clots), replacement and effluent bags, clamps.
 * Each draws its housing into the layer drawn once (drawBase), what changes with the snapshot into the layer drawn
 * again when it changes (drawLook; update says when), and the rotors every frame (drawFrame).
 */
import { BLENDER, CRRT_PUMP, EFFLUENT_BAG, FILTER, OXYGENATOR, PUMP, REPLACEMENT_BAG } from './circuitLayout';
import type { Pt } from './paths';
import { CLAMP, EFFLUENT_FLUID, REPLACEMENT_FLUID, TUBE_WALL, bloodColour, darken, lighten } from './colors';
import { circle, fill, roundRect, stroke, type Ctx } from './draw';

/** The rotor is drawn at this fraction of its real speed (3000 rpm would be a blur at 60 frames/s). */
export const ROTOR_DRAW_FRACTION = 1 / 20;
/** Volume a roller pump segment moves per revolution (mL): sets how fast the CRRT rollers turn. */
const ROLLER_STROKE_mL = 8;

const HOUSING = 0x2a3945;
const HOUSING_EDGE = 0x8fa3b3;
const ROTOR = 0xe9eef2;

export class CentrifugalPump {
  private rotation = 0;
  private colour = bloodColour(NaN);

  drawBase(ctx: Ctx): void {
    circle(ctx, PUMP.x, PUMP.y, PUMP.r + 6);
    fill(ctx, HOUSING);
    stroke(ctx, { width: 2, color: HOUSING_EDGE });
  }

  /** The blood in the chamber, coloured by its saturation. */
  drawLook(ctx: Ctx): void {
    fill(circle(ctx, PUMP.x, PUMP.y, PUMP.r - 2), this.colour);
  }

  drawFrame(ctx: Ctx): void {
    const r = PUMP.r;
    ctx.save();
    ctx.translate(PUMP.x, PUMP.y);
    ctx.rotate(this.rotation);
    ctx.beginPath();
    for (let i = 0; i < 6; i++) {
      const a = (i * Math.PI) / 3;
      const a2 = a + 0.55;
      ctx.moveTo(Math.cos(a) * 7, Math.sin(a) * 7);
      ctx.quadraticCurveTo(Math.cos(a + 0.25) * 22, Math.sin(a + 0.25) * 22, Math.cos(a2) * (r - 6), Math.sin(a2) * (r - 6));
    }
    stroke(ctx, { width: 4, color: ROTOR, cap: 'round' });
    fill(circle(ctx, 0, 0, 8), ROTOR);
    fill(circle(ctx, 0, 0, 3), HOUSING);
    ctx.restore();
  }

  /** Turns the rotor; true when the chamber's colour changed. */
  update(dt_s: number, rpm: number, sat_pct: number): boolean {
    if (rpm > 0 && dt_s > 0) this.rotation = (this.rotation + (rpm / 60) * ROTOR_DRAW_FRACTION * 2 * Math.PI * dt_s) % (2 * Math.PI);
    const c = bloodColour(sat_pct);
    if (c === this.colour) return false;
    this.colour = c;
    return true;
  }
}

export class Oxygenator {
  private colour = bloodColour(NaN);

  drawBase(ctx: Ctx): void {
    const { x, y, w, h } = OXYGENATOR;
    roundRect(ctx, x, y, w, h, 10);
    fill(ctx, HOUSING);
    stroke(ctx, { width: 2, color: HOUSING_EDGE });
  }

  drawLook(ctx: Ctx): void {
    const { x, y, w, h } = OXYGENATOR;
    fill(roundRect(ctx, x + 8, y + 8, w - 16, h - 16, 6), this.colour);
    ctx.beginPath();
    for (let i = 0; i < 9; i++) {
      const yy = y + 14 + i * ((h - 28) / 8);
      ctx.moveTo(x + 12, yy);
      ctx.lineTo(x + w - 12, yy);
    }
    stroke(ctx, { width: 1.5, color: 0xf2f5f7, alpha: 0.55 });
  }

  /** The blood inside goes from venous at the inlet to oxygenated at the outlet; shown as the mean. True if it changed. */
  update(satIn_pct: number, satOut_pct: number): boolean {
    const c = bloodColour(Number.isFinite(satOut_pct) ? 0.35 * satIn_pct + 0.65 * satOut_pct : satIn_pct);
    if (c === this.colour) return false;
    this.colour = c;
    return true;
  }
}

export function drawBlender(ctx: Ctx): void {
  const { x, y, w, h } = BLENDER;
  roundRect(ctx, x, y, w, h, 6);
  fill(ctx, HOUSING);
  stroke(ctx, { width: 2, color: HOUSING_EDGE });
  // flowmeter tube with its float
  roundRect(ctx, x + w - 20, y + 6, 10, h - 12, 4);
  fill(ctx, 0x0c1218);
  stroke(ctx, { width: 1, color: HOUSING_EDGE });
}

export class RollerPump {
  private rotation = 0;

  drawBase(ctx: Ctx): void {
    circle(ctx, CRRT_PUMP.x, CRRT_PUMP.y, CRRT_PUMP.r + 5);
    fill(ctx, HOUSING);
    stroke(ctx, { width: 2, color: HOUSING_EDGE });
  }

  drawFrame(ctx: Ctx): void {
    const r = CRRT_PUMP.r;
    ctx.save();
    ctx.translate(CRRT_PUMP.x, CRRT_PUMP.y);
    ctx.rotate(this.rotation);
    ctx.beginPath();
    ctx.moveTo(-r + 6, 0);
    ctx.lineTo(r - 6, 0);
    stroke(ctx, { width: 5, color: 0xcfd8df, cap: 'round' });
    ctx.beginPath();
    ctx.arc(-r + 7, 0, 6, 0, 2 * Math.PI);
    ctx.moveTo(r - 1, 0);
    ctx.arc(r - 7, 0, 6, 0, 2 * Math.PI);
    fill(ctx, ROTOR);
    fill(circle(ctx, 0, 0, 4), HOUSING);
    ctx.restore();
  }

  update(dt_s: number, flow_mL_min: number): void {
    if (flow_mL_min > 0 && dt_s > 0) this.rotation = (this.rotation + (flow_mL_min / 60 / ROLLER_STROKE_mL) * 2 * Math.PI * dt_s) % (2 * Math.PI);
  }
}

/** How the hemofilter looks: fibres clot from dark streaks to black, the membrane darkens as it fouls. */
export interface FilterLook {
  status: 'running' | 'changing' | 'clamped' | 'stopped';
  clotted: number; // 0..1 of fibres
  fouling: number; // 0..1: 1 − Kuf / Kuf of the open fibres when clean
  sat_pct: number;
}

const FIBRES = 14;

export class Hemofilter {
  private key = '';
  private look: FilterLook = { status: 'running', clotted: 0, fouling: 0, sat_pct: 95 };

  /** True when the look changed enough to be seen (2 % of clotting, 2.5 % of fouling, 1 % of saturation). */
  update(look: FilterLook): boolean {
    const key = `${look.status}|${Math.round(look.clotted * 50)}|${Math.round(look.fouling * 40)}|${Math.round(look.sat_pct)}`;
    if (key === this.key) return false;
    this.key = key;
    this.look = { ...look };
    return true;
  }

  drawLook(ctx: Ctx): void {
    const look = this.look;
    const { x, y, w, h } = FILTER;
    roundRect(ctx, x, y, w, h, 12);
    fill(ctx, 0x1b252e);
    stroke(ctx, { width: 2, color: HOUSING_EDGE });
    ctx.beginPath();
    ctx.rect(x + 4, y + 12, w - 8, 6);
    ctx.rect(x + 4, y + h - 18, w - 8, 6);
    fill(ctx, HOUSING);
    if (look.status === 'changing') {
      stroke(roundRect(ctx, x + 6, y + 22, w - 12, h - 44, 6), { width: 2, color: TUBE_WALL, alpha: 0.4 });
      return;
    }
    const fouling = Math.min(Math.max(look.fouling, 0), 1);
    const fouled = darken(lighten(bloodColour(look.sat_pct), 0.05), 0.7 * fouling);
    const nClotted = Math.round(FIBRES * Math.min(Math.max(look.clotted, 0), 1));
    const span = w - 12;
    for (let i = 0; i < FIBRES; i++) {
      // clots form from the housing wall inwards: the outer fibres go first
      const xx = x + 6 + (i + 0.5) * (span / FIBRES);
      ctx.beginPath();
      ctx.moveTo(xx, y + 22);
      ctx.lineTo(xx, y + h - 22);
      stroke(ctx, { width: 2.2, color: orderOf(i) < nClotted ? 0x140604 : fouled });
    }
    // protein cake over the membrane: a brown haze that thickens with fouling
    fill(roundRect(ctx, x + 5, y + 22, w - 10, h - 44, 5), 0x3b2412, 0.45 * fouling);
    // effluent compartment port
    ctx.beginPath();
    ctx.rect(x - 5, 352, 6, 16);
    fill(ctx, HOUSING_EDGE);
  }
}

/** Fibre i's turn to clot: outermost first, alternating sides. */
function orderOf(i: number): number {
  const left = i;
  const right = FIBRES - 1 - i;
  return left <= right ? 2 * left : 2 * right + 1;
}

export class Bag {
  private key = -1;

  constructor(
    private readonly box: { x: number; y: number; w: number; h: number },
    private readonly fluid: number,
    private readonly hanging: boolean,
  ) {}

  /** Fill fraction 0..1; true when it moved by a percent (the bag is then drawn again). */
  update(fill: number): boolean {
    const f = Math.min(Math.max(Number.isFinite(fill) ? fill : 0, 0), 1);
    const key = Math.round(f * 100);
    if (key === this.key) return false;
    this.key = key;
    return true;
  }

  drawLook(ctx: Ctx): void {
    const f = Math.max(this.key, 0) / 100;
    const { x, y, w, h } = this.box;
    fill(roundRect(ctx, x, y, w, h, 10), 0xdbe7ef, 0.12);
    if (f > 0) fill(roundRect(ctx, x + 3, y + h - 3 - (h - 6) * f, w - 6, (h - 6) * f, 7), this.fluid, 0.85);
    stroke(roundRect(ctx, x, y, w, h, 10), { width: 2, color: 0xdbe7ef, alpha: 0.8 });
    // graduations every litre of a 5 L bag
    ctx.beginPath();
    for (let i = 1; i < 5; i++) {
      ctx.moveTo(x + w - 12, y + (h * i) / 5);
      ctx.lineTo(x + w - 3, y + (h * i) / 5);
    }
    stroke(ctx, { width: 1, color: 0xdbe7ef, alpha: 0.6 });
    if (this.hanging) {
      ctx.beginPath();
      ctx.moveTo(x + w / 2, y);
      ctx.lineTo(x + w / 2, y - 8);
      stroke(ctx, { width: 2, color: 0xdbe7ef, alpha: 0.7 });
    }
  }
}

export const replacementBag = () => new Bag(REPLACEMENT_BAG, REPLACEMENT_FLUID, true);
export const effluentBag = () => new Bag(EFFLUENT_BAG, EFFLUENT_FLUID, false);

/** A tubing clamp: two jaws across the line, drawn only while it is closed. */
export function drawClamp(ctx: Ctx, at: Pt, vertical: boolean): void {
  const [x, y] = at;
  ctx.beginPath();
  for (const d of [-6, 6]) {
    if (vertical) ctx.roundRect(x - 16, y + d - 3, 32, 6, 2);
    else ctx.roundRect(x + d - 3, y - 16, 6, 32, 2);
  }
  fill(ctx, CLAMP);
  ctx.beginPath();
  if (vertical) {
    ctx.moveTo(x + 16, y - 6);
    ctx.lineTo(x + 24, y);
    ctx.lineTo(x + 16, y + 6);
  } else {
    ctx.moveTo(x - 6, y - 16);
    ctx.lineTo(x, y - 24);
    ctx.lineTo(x + 6, y - 16);
  }
  stroke(ctx, { width: 3, color: CLAMP });
}
