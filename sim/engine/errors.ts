/** A failure inside the engine (the CLI exits with code 1 and prints the message, which names the cause). */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}
