/** Types of layers.js (the layer order, read by eslint.config.js and test/architecture.test.ts). */
export interface Layer {
  name: string;
  /** Folders or files, relative to the repository root. */
  paths: string[];
  /** Layers whose code this layer may import at run time (its own layer always may). */
  mayImport: string[];
  /** Layers whose types only (`import type`) this layer may import. */
  typesFrom?: string[];
}

export interface OutsideRule {
  name: string;
  paths: string[];
  /** Folders or files this part of the repository may not import. */
  mayNotImport: string[];
}

/** Lowest first. */
export const LAYERS: Layer[];
export const OUTSIDE: OutsideRule[];
