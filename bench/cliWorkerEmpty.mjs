// A piscina worker that loads nothing: bench/cli.bench.ts starts it beside the sweep worker, so the cost of Node,
// piscina and a thread is seen apart from the worker's own modules.
export default function emptyWorker(batch) {
  return batch;
}
