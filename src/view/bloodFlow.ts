/**
 * Blood (and fluid, and gas) moving along a line: a tube whose column is coloured by what it carries, with cells
 * that travel at a speed proportional to the line's flow. The dots show velocity = flow / bore, scaled for the
 * eye by VISUAL_SCALE; a line with no flow (clamped, pump stopped) stands still.
 */
import { Container, Graphics, GraphicsContext } from 'pixi.js';
import { LINE_WIDTH, type LineKind, type LineLayout } from './circuitLayout';
import { Polyline } from './paths';
import { TUBE_WALL } from './colors';

/** Logical px per (mm/s) of mean velocity in the line: 4 L/min in 3/8" tubing (0.94 m/s) moves ~110 px/s. */
export const VISUAL_SCALE = 0.12;
/** Gas moves an order of magnitude faster than blood; drawn at a quarter of the blood scale. */
const GAS_SCALE = 0.25;
/** Drawn distance between cells by kind of line. */
const SPACING: Record<LineKind, number> = { ecmo: 15, cannula: 13, limb: 12, fluid: 11, gas: 12 };

/** Mean velocity (logical px/s) of flow_mL_min through a bore of id_mm. */
export function dotSpeed_px_s(flow_mL_min: number, id_mm: number, kind: LineKind): number {
  if (!(flow_mL_min > 0) || !(id_mm > 0)) return 0;
  const area_mm2 = (Math.PI * id_mm * id_mm) / 4;
  const velocity_mm_s = ((flow_mL_min / 60) * 1000) / area_mm2;
  return velocity_mm_s * VISUAL_SCALE * (kind === 'gas' ? GAS_SCALE : 1);
}

const DOT = new GraphicsContext().circle(0, 0, 1).fill(0xffffff);

export class FlowLine {
  /** The moving part: the coloured column and the cells. */
  readonly container = new Container();
  /** The tube's wall: never changes, so it goes in a layer that is drawn once (circuitView's cached layer). */
  readonly wall = new Graphics();
  private readonly path: Polyline;
  private readonly core: Graphics;
  private readonly dots: Graphics[] = [];
  private readonly spacing: number;
  private phase = 0;
  /** Every stride-th cell is drawn (1: all); raised when frames run long. */
  private stride = 1;
  private coreColour = -1;
  private dotColour = -1;
  private readonly p = { x: 0, y: 0 };

  constructor(readonly layout: LineLayout) {
    this.path = new Polyline(layout.points);
    const w = LINE_WIDTH[layout.kind];
    this.core = new Graphics();
    trace(this.wall, layout).stroke({ width: w + 3, color: TUBE_WALL, alpha: 0.55, cap: 'round', join: 'round' });
    trace(this.core, layout).stroke({ width: w - 1, color: 0xffffff, cap: 'round', join: 'round' });
    this.container.addChild(this.core);
    this.spacing = SPACING[layout.kind];
    const n = Math.max(1, Math.floor(this.path.length / this.spacing));
    const r = Math.max(1.2, (w - 1) * 0.32);
    for (let i = 0; i < n; i++) {
      const d = new Graphics(DOT);
      d.scale.set(layout.kind === 'ecmo' || layout.kind === 'cannula' ? r * 1.25 : r, r);
      this.dots.push(d);
      this.container.addChild(d);
    }
    this.place();
  }

  /** Moves the cells by speed × dt and colours the column and the cells. */
  update(dt_s: number, speed_px_s: number, coreColour: number, dotColour: number): void {
    if (coreColour !== this.coreColour) {
      this.core.tint = coreColour;
      this.coreColour = coreColour;
    }
    if (dotColour !== this.dotColour) {
      for (const d of this.dots) d.tint = dotColour;
      this.dotColour = dotColour;
    }
    if (speed_px_s > 0 && dt_s > 0) {
      this.phase = (this.phase + speed_px_s * dt_s) % this.spacing;
      this.place();
    }
  }

  /** Draws every stride-th cell only (fewer cells when frames run long); the others are hidden, not moved. */
  setStride(stride: number): void {
    if (stride === this.stride) return;
    this.stride = stride;
    this.dots.forEach((d, i) => (d.visible = i % stride === 0));
    this.place();
  }

  private place(): void {
    const len = this.path.length;
    for (let i = 0; i < this.dots.length; i += this.stride) {
      const d = this.dots[i];
      const s = i * this.spacing + this.phase;
      this.path.pointAt(s % len, this.p);
      d.position.set(this.p.x, this.p.y);
      // orient the cell along the line so it reads as moving, not as a bead
      const a = this.p;
      this.path.pointAt((s + 1) % len, tmp);
      d.rotation = Math.atan2(tmp.y - a.y, tmp.x - a.x);
    }
  }
}

const tmp = { x: 0, y: 0 };

function trace(g: Graphics, layout: LineLayout): Graphics {
  const [first, ...rest] = layout.points;
  g.moveTo(first[0], first[1]);
  for (const [x, y] of rest) g.lineTo(x, y);
  return g;
}
