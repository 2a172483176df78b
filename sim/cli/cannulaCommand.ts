/**
 * `sim cannula <model | size length> --flow Q | --pressure P [--hematocrit H] [--temperature T] [--lumen drainage|infusion]`:
 * one cannula on its own, as an engineer checks catalogue data, in blood of that hematocrit and temperature (blood.ts). A catalogue model's water chart is fitted and corrected
 * to blood (sim/circuit/cannulae/); a dual-lumen model needs --lumen, the lumen to check; a size and length use the
 * circuit's tube model (sim/circuit/tube.ts). Without a cannula it lists the catalogue.
 */
import { ScenarioError } from '../scenario/errors.js';
import { circuitSpecs } from '../circuit/circuitSpecs.js';
import { bloodViscosity_mPa_s, waterViscosity_mPa_s } from '../blood.js';
import { CANNULA_CATALOGUE, catalogueCannula, type CatalogueCannula } from '../circuit/cannulae/catalogue.js';
import { DUAL_LUMEN_CATALOGUE, DUAL_LUMEN_IDS, DUAL_LUMEN_LUMENS, dualLumenCannula } from '../circuit/cannulae/dualLumen.js';
import { catalogueFit, catalogueLossCoefficients, cannulaLossCoefficients, fitAgainstSource, WATER_DENSITY_kg_m3 } from '../circuit/cannulae/lookup.js';
import type { LossCoefficients } from '../circuit/tube.js';
import { STDOUT, writeOutputFile } from '../output/writeOutput.js';
import { bloodTemperatureOption, hematocritOption, quantityOption } from './quantityOption.js';

/** A catalogue length for people: cm, or what stands for a length the source does not give. */

const lengthText = (length_mm: number | null, none = 'length not in its source') => (length_mm === null ? none : `${length_mm / 10} cm`);
export interface CannulaOptions {
  flow?: string;
  pressure?: string;
  hematocrit?: string;
  /** The blood's temperature, e.g. "33 degC" (default 37 °C). */
  temperature?: string;
  wall?: string;
  /** The lumen of a dual-lumen cannula: drainage or infusion. */
  lumen?: string;
  out?: string;
  overwrite: boolean;
  quiet: boolean;
}

const specs = circuitSpecs;
const FLOW_LIMITS_mL_min = [0, 12000] as const;
const PRESSURE_LIMITS_mmHg = [0, 1000] as const;

/** ΔP in mmHg at a flow in mL/min, and the flow (mL/min) at which the drop is P: the positive root of a·Q + b·Q² = P. */
const dropAt = (k: LossCoefficients, q: number) => k.viscous * q + k.inertial * q * q;
const flowAt = (k: LossCoefficients, p: number) =>
  k.inertial > 0 ? (-k.viscous + Math.sqrt(k.viscous ** 2 + 4 * k.inertial * p)) / (2 * k.inertial) : p / k.viscous;

interface Described {
  title: string;
  blood: LossCoefficients;
  /** The catalogue's chart in its own fluid, for comparison. */
  chart?: LossCoefficients;
}

function catalogueDescribed(c: CatalogueCannula, mu: number, rho: number): Described {
  const f = catalogueFit(c);
  const title = [
    `${c.model}, ${c.manufacturer}: ${c.size_Fr} Fr, ${lengthText(c.length_mm)}, ${c.stages}-stage ${c.role}${c.dualLumen ? ', dual-lumen' : ''}`,
    `source: ${c.source}; ${c.points.length} points${c.misfit ? `\nthe fit misses the chart by more than its scatter: ${c.misfit}` : ''}`,
    `fit in water at ${c.fluid.temperature_C} °C: ΔP = ${f.viscous.toFixed(3)}·Q + ${f.inertial.toFixed(3)}·Q² (Q in L/min, ΔP in mmHg)`,
  ].join('\n');
  const chart = catalogueLossCoefficients(c, waterViscosity_mPa_s(c.fluid.temperature_C), WATER_DENSITY_kg_m3);
  return { title, blood: catalogueLossCoefficients(c, mu, rho), chart };
}

const LUMENS = ['drainage', 'infusion'] as const;

/**
 * A catalogue cannula by id, or the lumen --lumen names of a dual-lumen one (or the listing's "id:lumen", e.g.
 * avalon-elite-27:drainage); undefined when the id is neither.
 */
function catalogueEntry(given: string, givenLumen: string | undefined): CatalogueCannula | undefined {
  const [id, suffix] = given.split(':');
  if (suffix !== undefined && givenLumen !== undefined && suffix !== givenLumen.trim().toLowerCase())
    throw new ScenarioError('cannula', [
      { path: '--lumen', message: `got ${JSON.stringify(givenLumen)} for ${given}, which names the ${suffix} lumen; expected one of them, not both` },
    ]);
  const lumen = suffix ?? givenLumen;
  if (suffix !== undefined && !dualLumenCannula(id)) return undefined;
  const single = catalogueCannula(id);
  const dual = dualLumenCannula(id);
  if (!single && !dual) return undefined;
  const l = lumen?.trim().toLowerCase();
  if (single) {
    if (l === undefined) return single;
    throw new ScenarioError('cannula', [{ path: '--lumen', message: `got ${JSON.stringify(lumen)}; expected no --lumen: ${id} is a single-lumen cannula` }]);
  }
  if (l === 'drainage') return dual!.drainage;
  if (l === 'infusion' || l === 'return') return dual!.return;
  const got = lumen === undefined ? 'none' : JSON.stringify(lumen);
  throw new ScenarioError('cannula', [{ path: '--lumen', message: `got ${got}; expected ${LUMENS.join(' or ')}: ${id} is a dual-lumen cannula` }]);
}

function cannulaOf(args: string[], wall: number, mu: number, lumen: string | undefined): Described {
  const flow = {
    bloodDensity: specs.flow.bloodDensity.default!,
    inertialLossCoefficient: specs.flow.inertialLossCoefficient.default!,
    turbulentFrictionFactor: specs.flow.turbulentFrictionFactor.default!,
  };
  if (args.length === 1 && !args[0].includes(',')) {
    const c = catalogueEntry(args[0].trim().toLowerCase(), lumen);
    if (c) return catalogueDescribed(c, mu, flow.bloodDensity);
  }
  const parts = args.length === 1 ? args[0].split(',').map((s) => s.trim()) : args;
  if (parts.length !== 2) {
    const ids = [...CANNULA_CATALOGUE.map((c) => c.id), ...DUAL_LUMEN_IDS].join(', ');
    const got = JSON.stringify(args.join(' '));
    throw new ScenarioError('cannula', [
      { path: 'cannula', message: `got ${got}; expected a catalogue model (${ids}) or a size and a length, e.g. "23 Fr" "55 cm"` },
    ]);
  }
  const size = quantityOption('cannula size', parts[0], 'Fr', specs.drainageCannula.size.limits, '23 Fr');
  const lengthLimits = [specs.returnCannula.length.limits[0], specs.drainageCannula.length.limits[1]] as const;
  const length = quantityOption('cannula length', parts[1], 'mm', lengthLimits, '55 cm');
  const title = `custom cannula: ${size} Fr, ${length / 10} cm, wall ${wall} mm (tube model: Poiseuille + entry loss K ${flow.inertialLossCoefficient} + friction λ ${flow.turbulentFrictionFactor}, sim/circuit/tube.ts)`;
  return { title, blood: cannulaLossCoefficients({ model: 'custom', size, length, wallThickness: wall }, mu, flow) };
}

function catalogueListing(): string {
  const entries = [...CANNULA_CATALOGUE, ...DUAL_LUMEN_LUMENS];
  const w = Math.max(...entries.map((c) => c.id.length));
  const rows = entries.map((c) => {
    const f = catalogueFit(c);
    const { worst_mmHg, scatter_mmHg } = fitAgainstSource(c);
    const fit = `${worst_mmHg.toFixed(1)}/${scatter_mmHg.toFixed(1)}${worst_mmHg <= scatter_mmHg ? '' : '!'}`;
    return `${c.id.padEnd(w)} ${`${c.size_Fr} Fr`.padEnd(6)} ${lengthText(c.length_mm, '—').padEnd(6)} ${c.role.padEnd(8)} ${c.stages.padEnd(6)} ${fit.padEnd(10)} water ΔP = ${f.viscous.toFixed(3)}·Q + ${f.inertial.toFixed(3)}·Q²  ${c.model}`;
  });
  const dual = `dual-lumen models (check one lumen with --lumen ${LUMENS.join('|')}): ${DUAL_LUMEN_CATALOGUE.map((c) => c.id).join(', ')}`;
  const key =
    'fit: the largest |fitted − charted| drop over the chart’s points / the chart’s own scatter, mmHg (! where the two-term fit cannot follow the chart: circuit-hydraulics.md, "Cannula catalogue")';
  return (
    [`${'model'.padEnd(w)} ${'size'.padEnd(6)} ${'length'.padEnd(6)} ${'role'.padEnd(8)} stages ${'fit'.padEnd(10)}`, ...rows, dual, key].join('\n') + '\n'
  );
}

export function cannulaReport(args: string[], opts: CannulaOptions): string {
  if (args.length === 0) return catalogueListing();
  if (opts.flow === undefined && opts.pressure === undefined)
    throw new ScenarioError('cannula', [{ path: '--flow', message: 'got neither --flow nor --pressure; expected one of them, e.g. --flow "4 L/min"' }]);
  const hct = hematocritOption(opts.hematocrit);
  const wall =
    opts.wall === undefined
      ? specs.drainageCannula.wallThickness.default!
      : quantityOption('--wall', opts.wall, 'mm', specs.drainageCannula.wallThickness.limits, '0.45 mm');
  const temperature = bloodTemperatureOption(opts.temperature);
  const mu = bloodViscosity_mPa_s(hct, specs.flow.plasmaViscosity.default!, specs.flow.hematocritViscosityFactor.default!, temperature);
  const d = cannulaOf(args, wall, mu, opts.lumen);
  const k = d.blood;
  const lines = [
    d.title,
    `blood: Hct ${(100 * hct).toFixed(0)} %, ${temperature} °C, viscosity ${mu.toFixed(2)} mPa·s, density ${specs.flow.bloodDensity.default} kg/m³: ΔP = ${(k.viscous * 1e3).toFixed(3)}·Q + ${(k.inertial * 1e6).toFixed(3)}·Q² (Q in L/min)`,
  ];
  const w = d.chart;
  if (opts.flow !== undefined) {
    const q = quantityOption('--flow', opts.flow, 'mL/min', FLOW_LIMITS_mL_min, '4 L/min');
    const water = w ? ` (water chart: ${dropAt(w, q).toFixed(1)} mmHg)` : '';
    lines.push(`at ${(q / 1000).toFixed(2)} L/min: pressure drop ${dropAt(k, q).toFixed(1)} mmHg${water}`);
  }
  if (opts.pressure !== undefined) {
    const p = quantityOption('--pressure', opts.pressure, 'mmHg', PRESSURE_LIMITS_mmHg, '60 mmHg');
    const water = w ? ` (water chart: ${(flowAt(w, p) / 1000).toFixed(2)} L/min)` : '';
    lines.push(`at ${p.toFixed(1)} mmHg: flow ${(flowAt(k, p) / 1000).toFixed(2)} L/min${water}`);
  }
  return lines.join('\n') + '\n';
}

export function cannulaCommand(args: string[], opts: CannulaOptions): void {
  const text = cannulaReport(args, opts);
  if (opts.out && opts.out !== STDOUT) writeOutputFile(opts.out, text, opts.overwrite);
  else process.stdout.write(text);
  if (!opts.quiet && args.length > 0) process.stderr.write('a training and engineering estimate, not a manufacturer specification\n');
}
