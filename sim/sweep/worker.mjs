// Worker threads start as plain Node: register tsx here so the TypeScript worker loads the same way from the
// CLI (itself under tsx), vitest and the benchmark.
import { register } from 'tsx/esm/api';

register();
const { default: sweepWorker } = await import('./worker.ts');
export default sweepWorker;
