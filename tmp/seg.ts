import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { Simulation } from '../sim/engine/simulation.js';
const sim = new Simulation(loadScenarioFile('scenarios/ecmo-hvhf-default.json', [{ path: 'duration', value: '24 h' }]));
const inside = sim as any;
const solve = inside.solver.solve.bind(inside.solver);
const out: any[] = [];
inside.solver.solve = (f: any, x: number, y0: any, xEnd: number, observer: any) => {
  const s = { t: x, reached: NaN, carried: inside.lastStep_h, given: inside.solver.initialStepSize, steps: [] as number[] };
  out.push(s);
  return solve(f, x, y0, xEnd, (nr: number, xOld: number, xNew: number, y: any, dense: any) => { if (nr > 1) s.steps.push(xNew - xOld); return observer?.(nr, xOld, xNew, y, dense); });
};
sim.advanceTo(24);
out.forEach((s, i) => (s.reached = out[i + 1]?.t ?? sim.time_h));
for (const s of out) console.log(s.t.toFixed(3), '→', s.reached.toFixed(3), 'carried', s.carried.toFixed(3), 'given', s.given.toFixed(3), 'steps', s.steps.map((x: number) => x.toFixed(3)).join(','));
console.log(sim.events.filter((e: any) => e.type !== 'norepinephrine_titration').map((e: any) => `${e.t_h.toFixed(2)} ${e.type}`).join('\n'));
