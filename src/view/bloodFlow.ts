/**
 * Blood (and fluid, and gas) moving along a line: a tube whose column is coloured by what it carries, with cells
 * that travel at a speed proportional to the line's flow. The dots show velocity = flow / bore, scaled for the
 * eye by VISUAL_SCALE; a line with no flow (clamped, pump stopped) stands still.
 */
import { LINE_WIDTH, type LineKind, type LineLayout } from './circuitLayout';
import { Polyline } from './paths';
import { TUBE_WALL } from './colors';
import { css, polyline, stroke, type Ctx } from './draw';

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

export class FlowLine {
  private readonly path: Polyline;
  private readonly width: number;
  private readonly spacing: number;
  /** how many cells fit along the line, and their half-axes (logical px): elongated along the big lines */
  private readonly cells: number;
  private readonly rx: number;
  private readonly ry: number;
  private phase = 0;
  /** Every stride-th cell is drawn (1: all); raised when frames run long. */
  private stride = 1;
  private coreColour = 0xffffff;
  private dotColour = 0xffffff;
  private readonly p = { x: 0, y: 0 };
  private readonly q = { x: 0, y: 0 };

  constructor(readonly layout: LineLayout) {
    this.path = new Polyline(layout.points);
    this.width = LINE_WIDTH[layout.kind];
    this.spacing = SPACING[layout.kind];
    this.cells = Math.max(1, Math.floor(this.path.length / this.spacing));
    const r = Math.max(1.2, (this.width - 1) * 0.32);
    this.rx = layout.kind === 'ecmo' || layout.kind === 'cannula' ? r * 1.25 : r;
    this.ry = r;
  }

  /** The tube's wall: never changes, so it goes in the layer that is drawn once. */
  drawWall(ctx: Ctx): void {
    stroke(polyline(ctx, this.layout.points), { width: this.width + 3, color: TUBE_WALL, alpha: 0.55, cap: 'round', join: 'round' });
  }

  /** The column of what the line carries, in its colour (drawn again when the colour changes). */
  drawCore(ctx: Ctx): void {
    stroke(polyline(ctx, this.layout.points), { width: this.width - 1, color: this.coreColour, cap: 'round', join: 'round' });
  }

  /** Moves the cells by speed × dt and colours the column and the cells; true when the column's colour changed. */
  update(dt_s: number, speed_px_s: number, coreColour: number, dotColour: number): boolean {
    this.dotColour = dotColour;
    if (speed_px_s > 0 && dt_s > 0) this.phase = (this.phase + speed_px_s * dt_s) % this.spacing;
    if (coreColour === this.coreColour) return false;
    this.coreColour = coreColour;
    return true;
  }

  /** Draws every stride-th cell only (fewer cells when frames run long). */
  setStride(stride: number): void {
    this.stride = stride;
  }

  /** The cells, each oriented along the line so it reads as moving, not as a bead: one path, one fill. */
  drawCells(ctx: Ctx): void {
    const len = this.path.length;
    const { p, q } = this;
    ctx.beginPath();
    for (let i = 0; i < this.cells; i += this.stride) {
      const s = i * this.spacing + this.phase;
      this.path.pointAt(s % len, p);
      this.path.pointAt((s + 1) % len, q);
      const a = Math.atan2(q.y - p.y, q.x - p.x);
      ctx.moveTo(p.x + Math.cos(a) * this.rx, p.y + Math.sin(a) * this.rx);
      ctx.ellipse(p.x, p.y, this.rx, this.ry, a, 0, 2 * Math.PI);
    }
    ctx.fillStyle = css(this.dotColour);
    ctx.fill();
  }
}
