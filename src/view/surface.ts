/**
 * The circuit's canvas: a Canvas 2D context sized to its host element at the display's pixel density (at most 2),
 * and off-screen layers of the same size for what is drawn once and copied each frame. The layout's logical space
 * (VIEW_W × VIEW_H) is scaled by `k` and centred.
 */
import { VIEW_H, VIEW_W } from './circuitLayout';
import type { Ctx } from './draw';

export class Surface {
  readonly canvas = document.createElement('canvas');
  readonly ctx: Ctx;
  /** CSS px of the canvas */
  width = 0;
  height = 0;
  /** device pixels per CSS px */
  resolution = 1;
  /** logical px → CSS px, and where the logical space starts (CSS px) */
  k = 1;
  x0 = 0;
  y0 = 0;
  /** counts size changes: a layer drawn at another size is drawn again */
  sizeVersion = 0;
  private resized = true;

  constructor(private readonly host: HTMLElement) {
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser gives the circuit canvas no 2D context');
    this.ctx = ctx;
    this.canvas.dataset.renderer = 'canvas2d';
    host.append(this.canvas);
    new ResizeObserver(() => (this.resized = true)).observe(host);
  }

  /** Follows the host's size (read only after a resize was observed); true when it changed. */
  fit(): boolean {
    if (!this.resized) return false;
    this.resized = false;
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    const r = Math.min(window.devicePixelRatio || 1, 2);
    if (w === this.width && h === this.height && r === this.resolution) return false;
    this.width = w;
    this.height = h;
    this.resolution = r;
    this.canvas.width = Math.round(w * r);
    this.canvas.height = Math.round(h * r);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.k = Math.min(w / VIEW_W, h / VIEW_H);
    this.x0 = (w - VIEW_W * this.k) / 2;
    this.y0 = (h - VIEW_H * this.k) / 2;
    this.sizeVersion++;
    return true;
  }

  /** An off-screen canvas of the visible canvas's size in device pixels. */
  layer(): { canvas: HTMLCanvasElement; ctx: Ctx } {
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gives the circuit canvas no 2D context');
    return { canvas, ctx };
  }

  /** Sizes `layer` like the canvas and clears it. */
  reset(layer: { canvas: HTMLCanvasElement; ctx: Ctx }): void {
    if (layer.canvas.width !== this.canvas.width || layer.canvas.height !== this.canvas.height) {
      layer.canvas.width = this.canvas.width;
      layer.canvas.height = this.canvas.height;
    } else {
      layer.ctx.setTransform(1, 0, 0, 1, 0, 0);
      layer.ctx.clearRect(0, 0, layer.canvas.width, layer.canvas.height);
    }
  }

  /** Sets `ctx` to draw in the layout's logical space. */
  toWorld(ctx: Ctx): void {
    const r = this.resolution;
    ctx.setTransform(this.k * r, 0, 0, this.k * r, this.x0 * r, this.y0 * r);
  }

  /** Sets `ctx` to device pixels (for copying layers). */
  toDevice(ctx: Ctx): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }
}
