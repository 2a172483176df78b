/**
 * `sim pump [--rpm N] [--hematocrit H] [--temperature T]`: the centrifugal pump's head–flow curve at one speed, from
 * the circuit's pump model (sim/circuit/centrifugalPump.ts: affinity laws through the calibration point), as an
 * engineer checks it against a console or a chart. The model's head does not depend on viscosity, so --hematocrit and
 * --temperature change nothing but are checked and shown, to say so.
 */
import { circuitSpecs } from '../circuit/circuitSpecs.js';
import { pumpCurve, pumpHead_mmHg } from '../circuit/centrifugalPump.js';
import { mL_min } from '../quantities.js';
import { STDOUT, writeOutputFile } from '../output/writeOutput.js';
import { bloodTemperatureOption, hematocritOption, quantityOption } from './quantityOption.js';

export interface PumpOptions {
  rpm?: string;
  hematocrit?: string;
  /** The blood's temperature, e.g. "33 degC" (default 37 °C). */
  temperature?: string;
  format: 'table' | 'csv';
  out?: string;
  overwrite: boolean;
  quiet: boolean;
}

const STEP_mL_min = 500;

export function pumpReport(opts: PumpOptions): string {
  const p = circuitSpecs.pump;
  const speed =
    opts.rpm === undefined
      ? p.speed.default!
      : quantityOption('--rpm', /^\s*[\d.]+\s*$/.test(opts.rpm) ? `${opts.rpm} rpm` : opts.rpm, 'rpm', p.speed.limits, '3000 rpm');
  const hct = hematocritOption(opts.hematocrit);
  const temperature = bloodTemperatureOption(opts.temperature);
  const curve = pumpCurve({
    calibrationSpeed: p.calibrationSpeed.default!,
    calibrationFlow: p.calibrationFlow.default!,
    calibrationHead: p.calibrationHead.default!,
    shutoffHead: p.shutoffHead.default!,
  });
  const rows: [number, number][] = [];
  for (let q = 0; ; q += STEP_mL_min) {
    const head = pumpHead_mmHg(curve, speed, mL_min(q));
    if (head < 0 || q > 12000) break;
    rows.push([q / 1000, head]);
  }
  if (opts.format === 'csv') return ['flow_L_min,head_mmHg', ...rows.map(([q, h]) => `${q},${h.toFixed(2)}`)].join('\n') + '\n';
  const head = [
    `centrifugal pump at ${speed} rpm (H = a·N² − b·Q², through ${p.calibrationFlow.default! / 1000} L/min against ${p.calibrationHead.default} mmHg at ${p.calibrationSpeed.default} rpm; shutoff ${p.shutoffHead.default} mmHg there)`,
    `hematocrit ${(100 * hct).toFixed(0)} %, ${temperature} °C: the model's head does not depend on viscosity`,
    'flow (L/min)  head (mmHg)',
  ];
  return [...head, ...rows.map(([q, h]) => `${q.toFixed(1).padStart(12)}  ${h.toFixed(1).padStart(11)}`)].join('\n') + '\n';
}

export function pumpCommand(opts: PumpOptions): void {
  const text = pumpReport(opts);
  if (opts.out && opts.out !== STDOUT) writeOutputFile(opts.out, text, opts.overwrite);
  else process.stdout.write(text);
  if (!opts.quiet) process.stderr.write('a training and engineering estimate, not a manufacturer specification\n');
}
