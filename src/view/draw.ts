/**
 * Canvas 2D drawing helpers for the circuit: colours as 0xRRGGBB numbers (as colors.ts gives them) turned into CSS
 * colours, and the strokes and fills the devices are made of. Paths are built by the caller on `ctx`.
 */

export type Ctx = CanvasRenderingContext2D;

/** A stroke: width in logical px, colour 0xRRGGBB, alpha 0..1. */
export interface StrokeStyle {
  width: number;
  color: number;
  alpha?: number;
  cap?: CanvasLineCap;
  join?: CanvasLineJoin;
}

const cssCache = new Map<number, string>();

/** 0xRRGGBB → "#rrggbb" (cached: the same few colours are asked for every frame). */
export function css(color: number): string {
  let s = cssCache.get(color);
  if (s === undefined) {
    s = `#${(color & 0xffffff).toString(16).padStart(6, '0')}`;
    cssCache.set(color, s);
  }
  return s;
}

export function fill(ctx: Ctx, color: number, alpha = 1): void {
  ctx.globalAlpha = alpha;
  ctx.fillStyle = css(color);
  ctx.fill();
  ctx.globalAlpha = 1;
}

export function stroke(ctx: Ctx, s: StrokeStyle): void {
  ctx.globalAlpha = s.alpha ?? 1;
  ctx.strokeStyle = css(s.color);
  ctx.lineWidth = s.width;
  ctx.lineCap = s.cap ?? 'butt';
  ctx.lineJoin = s.join ?? 'miter';
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/** Starts a new path with a rounded rectangle. */
export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): Ctx {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  return ctx;
}

/** Starts a new path with a circle. */
export function circle(ctx: Ctx, x: number, y: number, r: number): Ctx {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  return ctx;
}

/** Starts a new path along the points (a polyline). */
export function polyline(ctx: Ctx, points: readonly (readonly [number, number])[]): Ctx {
  ctx.beginPath();
  ctx.moveTo(points[0][0], points[0][1]);
  for (let i = 1; i < points.length; i++) ctx.lineTo(points[i][0], points[i][1]);
  return ctx;
}
