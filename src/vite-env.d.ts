/// <reference types="vite/client" />

/** The bundled default scenario resolved at build time (tools/vite/preResolvedScenario.ts). */
declare module 'virtual:pre-resolved-scenario' {
  import type { Scenario } from '../sim/scenario/resolve';
  /** the file's name, as the page sends it */
  export const source: string;
  /** the file's text, as the page sends it */
  export const text: string;
  export const scenario: Scenario;
}
