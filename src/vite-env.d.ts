/// <reference types="vite/client" />

/** The bundled default scenario resolved at build time (tools/vite/preResolvedScenario.ts). */
declare module 'virtual:pre-resolved-scenario' {
  import type { PackedScenario } from './engine/packedScenario';
  /** the file's name, as the page sends it */
  export const source: string;
  /** the file's text, as the page sends it */
  export const text: string;
  /** the Scenario the text resolves to, packed (unpackScenario gives it back) */
  export const packed: PackedScenario;
}
