/**
 * The devices of the circuit as pixi graphics: centrifugal pump with its turning rotor, PMP oxygenator, gas
 * blender, CRRT roller pump, hemofilter (darkening as it fouls and clots), replacement and effluent bags, clamps.
 */
import { Container, Graphics } from 'pixi.js';
import { BLENDER, CRRT_PUMP, EFFLUENT_BAG, FILTER, OXYGENATOR, PUMP, REPLACEMENT_BAG } from './circuitLayout';
import type { Pt } from './paths';
import { CLAMP, EFFLUENT_FLUID, PRIME, REPLACEMENT_FLUID, TUBE_WALL, bloodColour, darken, lighten } from './colors';

/** The rotor is drawn at this fraction of its real speed (3000 rpm would be a blur at 60 frames/s). */
export const ROTOR_DRAW_FRACTION = 1 / 20;
/** Volume a roller pump segment moves per revolution (mL): sets how fast the CRRT rollers turn. */
const ROLLER_STROKE_mL = 8;

const HOUSING = 0x2a3945;
const HOUSING_EDGE = 0x8fa3b3;

export class CentrifugalPump {
  readonly container = new Container();
  private readonly rotor = new Graphics();
  private readonly chamber = new Graphics();
  private colour = -1;

  constructor() {
    const { x, y, r } = PUMP;
    const body = new Graphics()
      .circle(x, y, r + 6)
      .fill(HOUSING)
      .stroke({ width: 2, color: HOUSING_EDGE });
    this.chamber.circle(x, y, r - 2).fill(0xffffff);
    this.rotor.position.set(x, y);
    for (let i = 0; i < 6; i++) {
      const a = (i * Math.PI) / 3;
      const a2 = a + 0.55;
      this.rotor
        .moveTo(Math.cos(a) * 7, Math.sin(a) * 7)
        .quadraticCurveTo(Math.cos(a + 0.25) * 22, Math.sin(a + 0.25) * 22, Math.cos(a2) * (r - 6), Math.sin(a2) * (r - 6))
        .stroke({ width: 4, color: 0xe9eef2, cap: 'round' });
    }
    this.rotor.circle(0, 0, 8).fill(0xe9eef2).circle(0, 0, 3).fill(HOUSING);
    this.container.addChild(body, this.chamber, this.rotor);
  }

  /** `primed`: a new pump head (alone or with its circuit) holding its clear prime while it goes in. */
  update(dt_s: number, rpm: number, sat_pct: number, primed = false): void {
    const c = primed ? PRIME : bloodColour(sat_pct);
    if (c !== this.colour) {
      this.chamber.tint = c;
      this.colour = c;
    }
    if (rpm > 0 && dt_s > 0) this.rotor.rotation = (this.rotor.rotation + (rpm / 60) * ROTOR_DRAW_FRACTION * 2 * Math.PI * dt_s) % (2 * Math.PI);
  }
}

export class Oxygenator {
  readonly container = new Container();
  private readonly blood = new Graphics();
  private colour = -1;

  constructor() {
    const { x, y, w, h } = OXYGENATOR;
    const shell = new Graphics().roundRect(x, y, w, h, 10).fill(HOUSING).stroke({ width: 2, color: HOUSING_EDGE });
    this.blood.roundRect(x + 8, y + 8, w - 16, h - 16, 6).fill(0xffffff);
    const fibres = new Graphics();
    for (let i = 0; i < 9; i++) {
      const yy = y + 14 + i * ((h - 28) / 8);
      fibres.moveTo(x + 12, yy).lineTo(x + w - 12, yy);
    }
    fibres.stroke({ width: 1.5, color: 0xf2f5f7, alpha: 0.55 });
    this.container.addChild(shell, this.blood, fibres);
  }

  /**
   * The blood inside goes from venous at the inlet to oxygenated at the outlet; shown as the mean. `primed`: a new
   * oxygenator holding its clear prime while it goes in.
   */
  update(satIn_pct: number, satOut_pct: number, primed = false): void {
    const c = primed ? PRIME : bloodColour(Number.isFinite(satOut_pct) ? 0.35 * satIn_pct + 0.65 * satOut_pct : satIn_pct);
    if (c !== this.colour) {
      this.blood.tint = c;
      this.colour = c;
    }
  }
}

export function blenderGraphic(): Graphics {
  const { x, y, w, h } = BLENDER;
  const g = new Graphics().roundRect(x, y, w, h, 6).fill(HOUSING).stroke({ width: 2, color: HOUSING_EDGE });
  // flowmeter tube with its float
  g.roundRect(x + w - 20, y + 6, 10, h - 12, 4)
    .fill(0x0c1218)
    .stroke({ width: 1, color: HOUSING_EDGE });
  return g;
}

export class RollerPump {
  readonly container = new Container();
  private readonly rotor = new Graphics();

  constructor() {
    const { x, y, r } = CRRT_PUMP;
    const body = new Graphics()
      .circle(x, y, r + 5)
      .fill(HOUSING)
      .stroke({ width: 2, color: HOUSING_EDGE });
    this.rotor.position.set(x, y);
    this.rotor
      .moveTo(-r + 6, 0)
      .lineTo(r - 6, 0)
      .stroke({ width: 5, color: 0xcfd8df, cap: 'round' })
      .circle(-r + 7, 0, 6)
      .fill(0xe9eef2)
      .circle(r - 7, 0, 6)
      .fill(0xe9eef2)
      .circle(0, 0, 4)
      .fill(HOUSING);
    this.container.addChild(body, this.rotor);
  }

  update(dt_s: number, flow_mL_min: number): void {
    if (flow_mL_min > 0 && dt_s > 0) this.rotor.rotation = (this.rotor.rotation + (flow_mL_min / 60 / ROLLER_STROKE_mL) * 2 * Math.PI * dt_s) % (2 * Math.PI);
  }
}

/** How the hemofilter looks: fibres clot from dark streaks to black, the membrane darkens as it fouls. */
export interface FilterLook {
  status: 'running' | 'changing' | 'clamped' | 'stopped' | 'suspended';
  clotted: number; // 0..1 of fibres
  fouling: number; // 0..1: 1 − Kuf / Kuf of the open fibres when clean
  sat_pct: number;
}

const FIBRES = 14;

export class Hemofilter {
  readonly container = new Container();
  private readonly g = new Graphics();
  private key = '';

  constructor() {
    this.container.addChild(this.g);
  }

  update(look: FilterLook): void {
    const key = `${look.status}|${Math.round(look.clotted * 50)}|${Math.round(look.fouling * 40)}|${Math.round(look.sat_pct)}`;
    if (key === this.key) return;
    this.key = key;
    const { x, y, w, h } = FILTER;
    const g = this.g.clear();
    g.roundRect(x, y, w, h, 12).fill(0x1b252e).stroke({ width: 2, color: HOUSING_EDGE });
    g.rect(x + 4, y + 12, w - 8, 6)
      .fill(HOUSING)
      .rect(x + 4, y + h - 18, w - 8, 6)
      .fill(HOUSING);
    if (look.status === 'changing') {
      g.roundRect(x + 6, y + 22, w - 12, h - 44, 6).stroke({ width: 2, color: TUBE_WALL, alpha: 0.4 });
      return;
    }
    const base = lighten(bloodColour(look.sat_pct), 0.05);
    const fouled = darken(base, 0.7 * Math.min(Math.max(look.fouling, 0), 1));
    const nClotted = Math.round(FIBRES * Math.min(Math.max(look.clotted, 0), 1));
    const span = w - 12;
    for (let i = 0; i < FIBRES; i++) {
      // clots form from the housing wall inwards: the outer fibres go first
      const clottedHere = orderOf(i) < nClotted;
      const xx = x + 6 + (i + 0.5) * (span / FIBRES);
      g.moveTo(xx, y + 22)
        .lineTo(xx, y + h - 22)
        .stroke({ width: 2.2, color: clottedHere ? 0x140604 : fouled });
    }
    // protein cake over the membrane: a brown haze that thickens with fouling
    g.roundRect(x + 5, y + 22, w - 10, h - 44, 5).fill({ color: 0x3b2412, alpha: 0.45 * Math.min(Math.max(look.fouling, 0), 1) });
    // effluent compartment port
    g.rect(x - 5, 352, 6, 16).fill(HOUSING_EDGE);
  }
}

/** Fibre i's turn to clot: outermost first, alternating sides. */
function orderOf(i: number): number {
  const left = i;
  const right = FIBRES - 1 - i;
  return left <= right ? 2 * left : 2 * right + 1;
}

export class Bag {
  readonly container = new Container();
  private readonly g = new Graphics();
  private key = -1;

  constructor(
    private readonly box: { x: number; y: number; w: number; h: number },
    private readonly fluid: number,
    private readonly hanging: boolean,
  ) {
    this.container.addChild(this.g);
  }

  /** Fill fraction 0..1, redrawn only when it moves by a percent. */
  update(fill: number): void {
    const f = Math.min(Math.max(Number.isFinite(fill) ? fill : 0, 0), 1);
    const key = Math.round(f * 100);
    if (key === this.key) return;
    this.key = key;
    const { x, y, w, h } = this.box;
    const g = this.g.clear();
    g.roundRect(x, y, w, h, 10).fill({ color: 0xdbe7ef, alpha: 0.12 });
    if (f > 0) g.roundRect(x + 3, y + h - 3 - (h - 6) * f, w - 6, (h - 6) * f, 7).fill({ color: this.fluid, alpha: 0.85 });
    g.roundRect(x, y, w, h, 10).stroke({ width: 2, color: 0xdbe7ef, alpha: 0.8 });
    // graduations every litre of a 5 L bag
    for (let i = 1; i < 5; i++) g.moveTo(x + w - 12, y + (h * i) / 5).lineTo(x + w - 3, y + (h * i) / 5);
    g.stroke({ width: 1, color: 0xdbe7ef, alpha: 0.6 });
    if (this.hanging)
      g.moveTo(x + w / 2, y)
        .lineTo(x + w / 2, y - 8)
        .stroke({ width: 2, color: 0xdbe7ef, alpha: 0.7 });
  }
}

export const replacementBag = () => new Bag(REPLACEMENT_BAG, REPLACEMENT_FLUID, true);
export const effluentBag = () => new Bag(EFFLUENT_BAG, EFFLUENT_FLUID, false);

/** A tubing clamp: two jaws across the line, drawn only while it is closed. */
export function clampGraphic(at: Pt, vertical: boolean): Graphics {
  const g = new Graphics();
  const [x, y] = at;
  const jaw = (dx: number, dy: number) => (vertical ? g.roundRect(x - 16, y + dy - 3, 32, 6, 2) : g.roundRect(x + dx - 3, y - 16, 6, 32, 2));
  jaw(-6, -6).fill(CLAMP);
  jaw(6, 6).fill(CLAMP);
  if (vertical)
    g.moveTo(x + 16, y - 6)
      .lineTo(x + 24, y)
      .lineTo(x + 16, y + 6);
  else
    g.moveTo(x - 6, y - 16)
      .lineTo(x, y - 24)
      .lineTo(x + 6, y - 16);
  g.stroke({ width: 3, color: CLAMP });
  return g;
}
