/**
 * Training scenarios (scenarios/training/): each one's scripted correct response (responses/<name>.actions.json)
 * meets every objective, and no response misses at least one — replayed headless as `npm run sim -- train` does.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile, RESOLVE_BESIDE } from '../sim/scenario/loadFile.js';
import { loadTrainingText, parseActionsText } from '../sim/training/trainingFile.js';
import { replayTraining } from '../sim/training/replay.js';
import { buildDebrief, debriefText } from '../sim/training/debrief.js';
import { debriefHtml } from '../sim/training/debriefHtml.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { readFileSync } from 'node:fs';
import { trainingActionsJsonSchema, trainingJsonSchema } from '../sim/training/jsonSchema.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

const DIR = 'scenarios/training';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const load = (f: string) => loadTrainingText(readInputFile(join(DIR, f), 'training scenario'), join(DIR, f), RESOLVE_BESIDE);

describe.each(files)('%s', (file) => {
  const training = load(file);
  const responseFile = join(DIR, 'responses', file.replace(/\.json$/, '.actions.json'));

  it('a scripted correct response meets every objective', () => {
    const actions = parseActionsText(readInputFile(responseFile, 'actions file'), responseFile, training, RESOLVE_BESIDE);
    const { objectives } = replayTraining(training, actions);
    expect(objectives.filter((o) => !o.met).map((o) => `${o.id}: ${o.why}`)).toEqual([]);
  }, 120_000);

  it('no response misses at least one objective', () => {
    const { objectives } = replayTraining(training, []);
    expect(objectives.some((o) => !o.met)).toBe(true);
  }, 120_000);
});

describe('the debrief', () => {
  it('lists the objectives, the fault and the actions with their times, as text, JSON and HTML', () => {
    const training = load('drainage-clamp.json');
    const actions = parseActionsText(readInputFile(join(DIR, 'responses/drainage-clamp.actions.json'), 'actions'), 'a.json', training, RESOLVE_BESIDE);
    const { session, objectives } = replayTraining(training, actions);
    const d = buildDebrief(training.scenario.name, training.briefing, training.scenario.duration_h, objectives, session.log, session.trends);
    const text = debriefText(d);
    expect(text).toContain('Objectives: 3 of 3 met');
    expect(text).toMatch(/10:00 {2}fault {2}Drainage line clamped \(circuit\.clamps\.drainageLine: false → true\) \(hidden from the trainee\)/);
    expect(text).toMatch(/11:00 {2}action circuit\.clamps\.drainageLine → false/);
    expect(d.trends.rows.length).toBe(31); // one a minute, 0 to 30 min
    expect(JSON.parse(JSON.stringify(d)).objectives).toHaveLength(3);
    expect(text).toMatch(/10:10 {2}alarm {2}Flow low \(high priority\): start/);
    expect(d.alarms.find((a) => a.id === 'flowLow')).toEqual({
      id: 'flowLow',
      title: 'Flow low',
      starts: 1,
      first_h: expect.closeTo(10 / 60 + 10 / 3600, 9),
      acknowledgedAfter_s: 20,
    });
    expect(text).toMatch(/ {2}Flow low \(flowLow\): first at 10:10/); // the console's label, as the timeline shows it
    expect(d.pendingLabs).toEqual([]);
    const html = debriefHtml(d);
    expect(html).toContain('<h2>Objectives: 3 of 3 met</h2>');
    expect(html).toContain('<polyline');
  }, 120_000);
});

describe('a session the patient does not survive', () => {
  it('stops at the time the engine found, and a keep objective whose window the session never reached is missed, not kept', () => {
    const training = load('drainage-decannulation.json');
    // the default site (the scenario's 1.2 mm oozes slower)
    training.scenario.circuit!.decannulationSiteOpening = scenario(DEFAULT_ECMO).circuit!.decannulationSiteOpening;
    // clamp–clamp and the cannulating team called, but no pressure on the site: the femoral vein bleeds on
    const text = JSON.stringify({
      actions: [
        { at: '5.25 min', set: { 'circuit.clamps.drainageLine': true, 'circuit.clamps.returnLine': true } },
        { at: '7 min', recannulate: 'drainage' },
      ],
    });
    const { session, objectives } = replayTraining(training, parseActionsText(text, 'a.json', training, RESOLVE_BESIDE));
    const stop = session.log.find((e) => e.id === 'engine_stop')!;
    expect(stop.text).toMatch(/bled out/);
    expect(stop.t_h).toBeCloseTo(Number(/at ([\d.]+) h/.exec(stop.text)![1]), 2); // when it happened, not the last action's time
    expect(stop.t_h).toBeGreaterThan(10 / 60);
    const flow = objectives.find((o) => o.id === 'flow')!;
    expect(flow).toMatchObject({ met: false, why: 'the simulation stopped before its window opened (see the timeline)' });
  }, 120_000);
});

describe('a note written with an engine action', () => {
  it('is the action’s reason: a filter changed for a blood leak is logged with what the trainee wrote, not a separate note', () => {
    const training = load('filter-blood-leak.json');
    const actions = parseActionsText(readInputFile(join(DIR, 'responses/filter-blood-leak.actions.json'), 'actions'), 'a.json', training, RESOLVE_BESIDE);
    const { session } = replayTraining(training, actions);
    const change = session.log.find((e) => e.kind === 'event' && e.text === 'effluent checked (pink), filter changed');
    expect(change?.t_h).toBeCloseTo(10 / 60, 9);
    expect(session.log.some((e) => e.kind === 'note')).toBe(false);
  }, 120_000);
});

describe('a lab still out when the session ends', () => {
  it('is listed as pending with its order time; one that came back is not', () => {
    const training = load('drainage-clamp.json');
    const end = training.scenario.duration_h * 60;
    const actionsText = JSON.stringify({
      actions: [
        { at: '1 min', order: 'postOxygenatorGas' },
        { at: `${end - 1} min`, order: 'aptt' },
      ],
    });
    const actions = parseActionsText(actionsText, 'a.json', training, RESOLVE_BESIDE);
    const { session, objectives } = replayTraining(training, actions);
    const d = buildDebrief(training.scenario.name, training.briefing, training.scenario.duration_h, objectives, session.log, session.trends);
    expect(d.pendingLabs).toHaveLength(1);
    expect(d.pendingLabs[0].ordered_h).toBeCloseTo((end - 1) / 60, 9);
    expect(debriefText(d)).toMatch(/Pending when the session ended:\n {2}.*aPTT.*ordered at \d\d:\d\d: no result yet/);
  }, 120_000);
});

describe('a trainee actions file with mistakes', () => {
  const training = load('drainage-clamp.json');
  const problems = (actions: unknown[]) => {
    try {
      parseActionsText(JSON.stringify({ actions }), 'mine.json', training, RESOLVE_BESIDE);
      return [];
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return e.issues.map((i) => `${i.path}: ${i.message}`);
    }
  };
  it('a training file names an objective anchored on no known fault, with the nearest kind', () => {
    const raw = JSON.parse(readFileSync(join(DIR, 'drainage-clamp.json'), 'utf8'));
    raw.training.objectives[1].after = { fault: 'drainage-clmp' };
    expect(() => loadTrainingText(JSON.stringify(raw), join(DIR, 'x.json'), RESOLVE_BESIDE)).toThrow(
      'training.objectives[1].after.fault: got "drainage-clmp": no such fault (did you mean "drainage-clamp"?); expected one of the faults in docs/training/faults.md',
    );
  });

  it('names the entry, the field and what was expected', () => {
    expect(problems([{ at: '5 min', acknowlege: 'all' }])[0]).toBe(
      'actions[0].acknowlege: unknown field (did you mean "acknowledge"?); expected one of at, acknowledge, silence, order, note, set, heparinBolus, fluidBolus, transfusion, platelets, changeFilter, changeOxygenator, changeCircuit, changeConsole, changePumpHead, recannulate, deAir, changeBags, changeSyringe, fault',
    );
    expect(
      problems([
        { at: '5 min', order: 'aptt' },
        { at: '2 h', note: 'late' },
      ]),
    ).toEqual(['actions[1].at: got "2 h": expected a time between 0 h and the run\'s duration (0.5 h)']);
    expect(problems([{ at: '1 min' }, { at: '3 min', set: { 'circuit.pump.speed': '3000 kg' } }]).join('\n')).toMatch(
      /actions\[0\]: does nothing[\s\S]*actions\[1\]\.set\.circuit\.pump\.speed: got "3000 kg"/,
    );
  });
});

describe('training JSON Schemas', () => {
  it('the committed schemas are current (npm run schema), and every training file points at them', () => {
    expect(JSON.parse(readFileSync('scenarios/training.schema.json', 'utf8'))).toEqual(trainingJsonSchema());
    expect(JSON.parse(readFileSync('scenarios/training-actions.schema.json', 'utf8'))).toEqual(trainingActionsJsonSchema());
    for (const f of files) {
      expect(JSON.parse(readFileSync(join(DIR, f), 'utf8')).$schema).toBe('../training.schema.json');
      expect(JSON.parse(readFileSync(join(DIR, 'responses', f.replace(/\.json$/, '.actions.json')), 'utf8')).$schema).toBe(
        '../../training-actions.schema.json',
      );
    }
  });
});
