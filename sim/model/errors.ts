/**
 * A failure inside the engine (the CLI exits with code 1 and prints the message, which names the cause). Defined
 * below the models so a model (the circuit's solve) can throw it without importing the engine.
 */
export class EngineError extends Error {
  /** `t_h`: the simulated time the failure was found at (h), where the engine located it. */
  constructor(
    message: string,
    readonly t_h?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * A scenario value a model cannot work with, found when the model is built (e.g. a CO2 pair no sweep curve meets).
 * The engine turns it into the scenario layer's ScenarioError, which names the path, so the user sees a bad input.
 */
export class SettingError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingError';
  }
}
