/**
 * The command line: `npm run sim -- <command> ...`.
 * Exit codes: 0 success, 2 bad input (scenario, settings, options, output file), 1 a failure inside the engine.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { ScenarioError } from './scenario/errors.js';
import { OutputError } from './output/writeOutput.js';
import { DEFAULT_OUTCOMES } from './sensitivity/outcomes.js';
import { addOutputOptions } from './cli/outputOptions.js';
import { quoteHint } from './cli/quoteHint.js';
import { simulatorVersion } from './output/version.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

// Each command's module is imported when that command runs (a dynamic import in its action), so `run` never loads
// the plotting, worker-pool or sensitivity code and `--help` loads almost nothing (issue 14).

function addRunCommand(program: Command): void {
  program
    .command('run')
    .description('run one scenario and write its series, events and summary')
    .argument('<scenario>', 'scenario JSON file, e.g. scenarios/ecmo-hvhf-default.json')
    .option('--hours <H>', 'simulated hours (overrides the scenario duration)')
    .option('--set <path=value>', 'override a scenario field, value with its unit, e.g. --set "prescription.effluentDose=30 mL/kg/h" (repeatable)', collect, [])
    .option('--uncalibrated', 'run the spec defaults, ignoring the calibration file the scenario refers to', false)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (arg, opts) => (await import('./cli/runCommand.js')).runCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, { quiet: true });
}

function addCohortCommand(program: Command): void {
  program
    .command('cohort')
    .description("replay the reference cohort's arms and compare with the published 24 h (or 72 h) figures")
    .argument('<arms...>', 'cohort arm files, e.g. scenarios/cohort/ecmo-hvhf.json scenarios/cohort/standard-care.json')
    .addOption(new Option('--hours <H>', 'replay length: 24 or 72 h').default('24'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (arg, opts) => (await import('./cli/cohortCommand.js')).cohortCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!);
}

function addSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('run a scenario over a grid or Latin hypercube of parameter values, on all cores; resumable and shardable (docs/dose-explorer.md)')
    .argument('<scenario>', 'scenario JSON file, e.g. scenarios/ecmo-hvhf-default.json')
    .requiredOption(
      '--vary <path=from..to:step>',
      'a parameter and its range, values with units, e.g. "prescription.effluentDose=20 mL/kg/h..70 mL/kg/h:10 mL/kg/h" (no :step with --design lhs; repeatable)',
      collect,
      [],
    )
    .addOption(
      new Option('--design <design>', 'grid: every combination of the steps; lhs: --samples Latin-hypercube samples').choices(['grid', 'lhs']).default('grid'),
    )
    .option('--samples <N>', 'number of samples for --design lhs')
    .option('--seed <S>', 'seed of the Latin-hypercube sampling', '1')
    .option('--hours <H>', 'simulated hours per run (overrides the scenario duration)')
    .option('--workers <N>', 'worker threads (default: the number of CPUs)')
    .option('--shard <k/N>', 'run only shard k of N (run ids ≡ k−1 mod N), e.g. on a cluster array job')
    .option('--max-runs <N>', 'refuse a sweep of more runs than this (default 10000; the count is said before any starts)')
    .option('--uncalibrated', 'run the spec defaults, ignoring the calibration file the scenario refers to', false)
    .action(async (arg, opts) => (await import('./cli/sweepCommand.js')).sweepCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, {
    out: 'results CSV; if it exists, runs already in it are skipped (resume)',
    required: true,
    overwrite: 'start afresh instead of resuming from --out (the old file is kept until the new one has a row)',
    quiet: true,
  });
}

function addMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('join the shard files of one sweep into the file a single machine would have written')
    .argument('<files...>', 'results CSV files of the shards')
    .option('--allow-missing', 'write the merged file even when runs of the sweep are in none of the files (they are named)', false)
    .action(async (arg, opts) => (await import('./cli/mergeCommand.js')).mergeCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, { out: 'merged results CSV', required: true, quiet: true });
}

function addPlotCommand(program: Command): void {
  program
    .command('plot')
    .description('draw a chart of a sweep results file as SVG (docs/dose-explorer.md)')
    .argument('<results>', 'results CSV written by sweep or merge')
    .requiredOption(
      '--kind <kind>',
      'removal-vs-life (IL-6 removal against filter life), dose-vs-delivered (prescribed against delivered dose), dose-vs-ff (dose against filtration fraction), heatmap (two varied parameters, colour = --color), front (the Pareto front over --objectives, dominated runs grey)',
    )
    .option('--x <column>', "column on the x axis (default: the kind's)")
    .option('--y <column>', "column on the y axis (default: the kind's)")
    .option('--color <column>', 'column that colours the marks (heatmap default: il6_change_pct; scatter kinds: a varied parameter not on an axis)')
    .option('--objectives <list>', 'kind front: 2 or 3 columns, each :max or :min, e.g. "il6_change_pct:min,albumin_lost_g:min"')
    .option('--front <file>', 'kind front: write the runs on the front to this .csv or .json file')
    .action(async (arg, opts) => (await import('./cli/plotCommand.js')).plotCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, { out: 'SVG file to write', required: true, quiet: true });
}

function addSpreadCommand(program: Command): void {
  program
    .command('spread')
    .description("each outcome's median and interquartile range per prescription over a cohort arm's virtual patients (docs/dose-explorer.md)")
    .requiredOption(
      '--prescription <file.json>',
      'a part of a scenario that sets the prescription, e.g. {"prescription": {"effluentDose": "35 mL/kg/h"}} (repeatable: two side by side)',
      collect,
      [],
    )
    .requiredOption('--arm <file.json>', 'cohort arm whose virtual patients are run, e.g. scenarios/cohort/ecmo-hvhf.json')
    .option('--patients <N>', "number of virtual patients drawn from the arm (default: the arm's n)")
    .option('--hours <H>', 'simulated hours per run', '24')
    .option('--workers <N>', 'worker threads (default: the number of CPUs)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (opts) => (await import('./cli/spreadCommand.js')).spreadCommand(opts));
  addOutputOptions(program.commands.at(-1)!, { quiet: true });
}

function addSensitivityCommand(program: Command): void {
  program
    .command('sensitivity')
    .description(
      'rank the uncertain parameters (those with a plausible range) by their influence on IL-6 removal and filter life: Morris or Sobol (docs/dose-explorer.md)',
    )
    .argument('<scenario>', 'scenario JSON file, e.g. scenarios/ecmo-hvhf-default.json')
    .addOption(
      new Option('--method <method>', 'morris: elementary effects (screening, r(k+1) runs); sobol: first-order and total indices (N(k+2) runs)')
        .choices(['morris', 'sobol'])
        .default('morris'),
    )
    .option(
      '--parameters <paths>',
      'parameters to vary over their plausible ranges, separated by commas (default: every quantity with a range that is not an operator setting)',
    )
    .option('--outcome <names>', 'outcomes, separated by commas: il6_removal_pct, filter_life_h, or any sweep results column', DEFAULT_OUTCOMES)
    .option('--samples <N>', 'Morris trajectories r (default 10) or Sobol base samples N (default 256)')
    .option('--levels <p>', 'Morris grid levels p (even)', '4')
    .option('--seed <S>', 'seed of the sampling', '1')
    .option('--hours <H>', 'simulated hours per run (default: the scenario duration)')
    .option('--workers <N>', 'worker threads (default: the number of CPUs)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--plot <file.svg>', 'draw a bar chart (μ* or the total index per parameter)')
    .option('--uncalibrated', 'run the spec defaults, ignoring the calibration file the scenario refers to', false)
    .action(async (arg, opts) => (await import('./cli/sensitivityCommand.js')).sensitivityCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, {
    out: 'write the ranking to this file instead of standard output',
    overwrite: 'replace --out and --plot if they already exist',
    quiet: true,
  });
}

function addSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (editors use it for completion and checks)')
    .action(async (opts) => (await import('./cli/schemaCommand.js')).schemaCommand(opts));
  addOutputOptions(program.commands.at(-1)!);
}

function addCannulaCommand(program: Command): void {
  program
    .command('cannula')
    .description('one cannula on its own: its pressure drop in blood at a flow, or its flow at a drop; without a cannula, the catalogue')
    .argument('[cannula...]', 'a catalogue model (e.g. hls-pvl-2355) or a size and a length (e.g. "23 Fr" "55 cm")')
    .option('--flow <Q>', 'blood flow, with its unit, e.g. "4 L/min": prints the pressure drop')
    .option('--pressure <P>', 'pressure drop, with its unit, e.g. "60 mmHg": prints the flow')
    .option('--hematocrit <H>', 'hematocrit of the blood, e.g. "30 %" (default: the scenario default)')
    .option('--temperature <T>', 'temperature of the blood, e.g. "33 degC" (a bare number is °C; default: 37 °C)')
    .option('--wall <mm>', 'wall thickness of a size-and-length cannula, e.g. "0.45 mm"')
    .option('--lumen <lumen>', 'the lumen of a dual-lumen cannula (e.g. avalon-elite-27): drainage or infusion')
    .action(async (arg, opts) => (await import('./cli/cannulaCommand.js')).cannulaCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, { quiet: true });
}

function addPumpCommand(program: Command): void {
  program
    .command('pump')
    .description("the centrifugal pump's head–flow curve at one speed")
    .option('--rpm <N>', 'pump speed in rpm (default: the scenario default)')
    .option('--hematocrit <H>', 'hematocrit of the blood, e.g. "30 %"')
    .option('--temperature <T>', 'temperature of the blood, e.g. "33 degC" (a bare number is °C; default: 37 °C)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
    .action(async (opts) => (await import('./cli/pumpCommand.js')).pumpCommand(opts));
  addOutputOptions(program.commands.at(-1)!, { quiet: true });
}

function addTrainCommand(program: Command): void {
  program
    .command('train')
    .description("replay a trainee's actions on a training scenario and print the debrief: objectives met or missed, alarms, timeline")
    .argument('<scenario>', 'a training scenario file, e.g. scenarios/training/pump-failure.json')
    .option('--actions <file>', 'the trainee\'s timed actions (JSON: { "actions": [{ "at": "10 min", "set": {...} }] }); none: no response')
    .addOption(new Option('--format <format>', 'debrief format').choices(['text', 'json', 'html']).default('text'))
    .action(async (arg, opts) => (await import('./cli/trainCommand.js')).trainCommand(arg, opts));
  addOutputOptions(program.commands.at(-1)!, { quiet: true });
}

function addRelayCommand(program: Command): void {
  program
    .command('relay')
    .description("the training relay: serves the built pages and joins an instructor's page and trainees' pages by a session code")
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0: every network, for a second device in the room)', '127.0.0.1')
    .option('--pages <folder>', 'the built pages (npm run build)', 'dist/web')
    .option('--no-pages', 'serve no pages: the relay alone')
    .action(async (opts) => {
      await (await import('./cli/relayCommand.js')).relayCommand(opts);
    });
}

export function buildProgram(): Command {
  const program = new Command('sim')
    .description('ECMO + integrated hemofilter simulator (training and engineering tool, not a clinical decision aid)')
    .version(simulatorVersion(), '--version', "print the simulator's version (package.json)")
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const add of [
    addRunCommand,
    addCohortCommand,
    addSweepCommand,
    addMergeCommand,
    addPlotCommand,
    addSpreadCommand,
    addSensitivityCommand,
    addSchemaCommand,
    addCannulaCommand,
    addPumpCommand,
    addTrainCommand,
    addRelayCommand,
  ])
    add(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  if (process.env.SIM_DEBUG) process.setSourceMapsEnabled(true); // the bundle's stack traces name the TypeScript sources
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      const hint = e.code === 'commander.excessArguments' ? quoteHint(argv) : undefined;
      if (hint) process.stderr.write(`${hint}\n`);
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ScenarioError || e instanceof OutputError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`engine failure: ${err.message}\n`);
    if (process.env.SIM_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

// run as a program (tsx sim/cli.ts, node dist/cli/cli.js, or npx ecmo-sim through its link in node_modules/.bin), not imported
function invokedDirectly(): boolean {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false; // no script path (node -e, a REPL)
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
