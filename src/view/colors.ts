/** Colours of what flows in the lines: blood by its oxygen saturation, the fluids and the sweep gas. */

/** Saturation (%) → colour stops: dark venous red at low saturation, bright arterial red when fully saturated. */
const SAT_STOPS: readonly [number, number][] = [
  [40, 0x3a0610],
  [65, 0x6e0c1c],
  [80, 0x9c1424],
  [92, 0xd01e2a],
  [100, 0xff3b30],
];

function mix(a: number, b: number, f: number): number {
  const r = ((a >> 16) & 255) + (((b >> 16) & 255) - ((a >> 16) & 255)) * f;
  const g = ((a >> 8) & 255) + (((b >> 8) & 255) - ((a >> 8) & 255)) * f;
  const bl = (a & 255) + ((b & 255) - (a & 255)) * f;
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(bl);
}

/** Colour of blood at saturation `sat_pct` (NaN → the venous end). */
export function bloodColour(sat_pct: number): number {
  const s = Number.isFinite(sat_pct) ? sat_pct : SAT_STOPS[0][0];
  if (s <= SAT_STOPS[0][0]) return SAT_STOPS[0][1];
  for (let i = 1; i < SAT_STOPS.length; i++) {
    const [s1, c1] = SAT_STOPS[i];
    const [s0, c0] = SAT_STOPS[i - 1];
    if (s <= s1) return mix(c0, c1, (s - s0) / (s1 - s0));
  }
  return SAT_STOPS[SAT_STOPS.length - 1][1];
}

/** A lighter shade of a colour, for the moving cells drawn over the column of blood. */
export function lighten(c: number, f: number): number {
  return mix(c, 0xffffff, f);
}

export function darken(c: number, f: number): number {
  return mix(c, 0x000000, f);
}

export const REPLACEMENT_FLUID = 0xbfe6ff;
export const EFFLUENT_FLUID = 0xe8d36a;
export const SWEEP_GAS = 0x9fd8e8;
export const TUBE_WALL = 0xc8d4de;
export const BACKGROUND = 0x101820;
export const LABEL = 0xdfe8ef;
export const MUTED = 0x8da0b0;
export const CLAMP = 0xff8a00;

/** A new device's crystalloid prime, before blood fills it: clear fluid, drawn pale against the dark housing. */
export const PRIME = 0xb8c8d4;
/** Text written over the prime (dark on the pale fluid). */
export const PRIME_TEXT = 0x14202a;
