/** The bundled training scenarios (scenarios/training/*.json), by id (the file's name without .json). */
const files = import.meta.glob('../../../scenarios/training/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface BundledTraining {
  id: string;
  text: string;
}

export const TRAINING_SCENARIOS: readonly BundledTraining[] = Object.entries(files)
  .map(([path, text]) => ({ id: path.replace(/^.*\//, '').replace(/\.json$/, ''), text }))
  .sort((a, b) => a.id.localeCompare(b.id));
