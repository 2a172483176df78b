/**
 * Typings for odex 2.0.4 (Hairer's ODEX). The package ships TypeScript source that fails `strict`,
 * so the compiler is pointed here instead (tsconfig `paths`). Only what the engine uses is declared.
 */
declare module 'odex' {
  export type Derivative = (x: number, y: number[]) => number[];
  /** Dense interpolator: component index and x in [xOld, x]. */
  export type DenseInterpolator = (component: number, x: number) => number;
  export type OutputFunction = (stepNumber: number, xOld: number, x: number, y: number[], dense?: DenseInterpolator) => boolean | void;
  export enum Outcome {
    Converged = 0,
    MaxStepsExceeded = 1,
    EarlyReturn = 2,
  }
  export interface SolverResult {
    y: number[];
    outcome: Outcome;
    nStep: number;
    xEnd: number;
    nAccept: number;
    nReject: number;
    nEval: number;
  }
  export class Solver {
    constructor(n: number);
    n: number;
    maxSteps: number;
    initialStepSize: number;
    maxStepSize: number;
    /** KM: the extrapolation table's columns (9); odex's dense-output coefficients are (2 KM + 5) rows of n. */
    maxExtrapolationColumns: number;
    denseOutput: boolean;
    denseComponents: number[] | undefined;
    relativeTolerance: number | number[];
    absoluteTolerance: number | number[];
    solve(f: Derivative, x: number, y0: number[], xEnd: number, solOut?: OutputFunction): SolverResult;
    grid(dt: number, out: (x: number, y: number[]) => boolean | void): OutputFunction;
  }
}
