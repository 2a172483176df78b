// The layer order of the code (design.md: layers). Each entry is a folder or file and the layers it may import at
// run time; a layer imports only from those below it. Read by eslint.config.js (restricted imports, so an editor
// flags a wrong import as it is typed) and by test/architecture.test.ts (which walks every import).
//
// `typesFrom` are layers whose *types* a layer may import (`import type`), never their code: the models' engine
// parts read the resolved Scenario's type, which the scenario layer derives from the models' own specs.

/** @typedef {{ name: string, paths: string[], mayImport: string[], typesFrom?: string[] }} Layer */

const foundation = ['foundation'];
const kernel = [...foundation, 'model'];
const models = [...kernel, 'filter', 'circuit', 'patient', 'faults'];

/** @type {Layer[]} lowest first */
export const LAYERS = [
  { name: 'foundation', paths: ['sim/units.ts', 'sim/quantities.ts', 'sim/parameters.ts', 'sim/blood.ts', 'sim/types'], mayImport: [] },
  // the contract between the models and the engine (sim/model/part.ts): its types name what each model shares
  { name: 'model', paths: ['sim/model'], mayImport: foundation, typesFrom: ['filter', 'circuit', 'patient', 'scenario'] },
  { name: 'filter', paths: ['sim/filter'], mayImport: kernel, typesFrom: ['scenario'] },
  { name: 'circuit', paths: ['sim/circuit'], mayImport: [...kernel, 'filter'], typesFrom: ['scenario'] },
  { name: 'patient', paths: ['sim/patient'], mayImport: [...kernel, 'filter', 'circuit'], typesFrom: ['scenario'] },
  // the alarm catalogue and its limits as scenario settings: below the scenario, which lists them among its specs
  {
    name: 'alarmCatalogue',
    paths: [
      'sim/alarms/catalogue.ts',
      'sim/alarms/alarmRow.ts',
      'sim/alarms/ecmoAlarms.ts',
      'sim/alarms/crrtAlarms.ts',
      'sim/alarms/bedsideAlarms.ts',
      'sim/alarms/alarmSpecs.ts',
    ],
    mayImport: foundation,
    typesFrom: ['model'],
  },
  // the training faults: their catalogue and the part that applies their settings (sim/faults)
  { name: 'faults', paths: ['sim/faults'], mayImport: kernel, typesFrom: ['scenario'] },
  { name: 'scenario', paths: ['sim/scenario'], mayImport: [...models, 'alarmCatalogue'] },
  { name: 'engine', paths: ['sim/engine'], mayImport: [...models, 'scenario'] },
  // the alarm monitor reads the engine's observations and events (sim/alarms: every file but the catalogue's two)
  {
    name: 'alarms',
    paths: ['sim/alarms/conditions.ts', 'sim/alarms/monitor.ts', 'sim/alarms/monitorRun.ts'],
    mayImport: [...models, 'alarmCatalogue', 'scenario', 'engine'],
  },
  { name: 'output', paths: ['sim/output'], mayImport: [...models, 'scenario', 'engine'] },
  { name: 'cohort', paths: ['sim/cohort'], mayImport: [...models, 'scenario', 'engine', 'output'] },
  { name: 'sweep', paths: ['sim/sweep'], mayImport: [...models, 'scenario', 'engine', 'output', 'cohort'] },
  { name: 'plot', paths: ['sim/plot'], mayImport: [...models, 'scenario', 'engine', 'output', 'cohort', 'sweep'] },
  { name: 'sensitivity', paths: ['sim/sensitivity'], mayImport: [...models, 'scenario', 'engine', 'output', 'cohort', 'sweep', 'plot'] },
  { name: 'training', paths: ['sim/training'], mayImport: [...models, 'alarmCatalogue', 'scenario', 'engine', 'alarms', 'output'] },
  // the classroom relay (Node only): joins pages by a session code and forwards their messages; no engine in it
  { name: 'relay', paths: ['sim/relay'], mayImport: foundation },
  {
    name: 'cli',
    paths: ['sim/cli', 'sim/cli.ts'],
    mayImport: [...models, 'alarmCatalogue', 'scenario', 'engine', 'alarms', 'output', 'cohort', 'sweep', 'plot', 'sensitivity', 'training', 'relay', 'cli'],
  },
];

/** Outside sim/: who may import what. The view never reaches the command line; nothing imports scripts/. */
export const OUTSIDE = [
  { name: 'src', paths: ['src'], mayNotImport: ['sim/cli', 'sim/cli.ts', 'scripts', 'test', 'bench'] },
  { name: 'test', paths: ['test'], mayNotImport: ['scripts', 'bench'] },
  { name: 'bench', paths: ['bench'], mayNotImport: ['scripts', 'test'] },
  { name: 'scripts', paths: ['scripts'], mayNotImport: ['bench'] },
];
