/** The engine's error type lives with the model contract (sim/model/errors.ts), so models may throw it too. */
export { EngineError } from '../model/errors.js';
