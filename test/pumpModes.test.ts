/**
 * Pump modes (issue 11): RPM mode holds the set speed; flow (LPM) mode adjusts speed to hold a target flow up to the
 * console's maximum speed, as Cardiohelp, Rotaflow II and CentriMag consoles do (circuit-hydraulics.md, "Pump modes").
 */
import { describe, expect, it } from 'vitest';
import { at, DEFAULT_ECMO, run } from './helpers/scenarios.js';

const flowMode = (target: string, extra: Record<string, string> = {}) =>
  run(DEFAULT_ECMO, { 'circuit.pump.mode': 'flow', 'circuit.pump.targetFlow': target, ...extra });

describe('flow mode', () => {
  it('holds the target pump flow at the speed RPM mode needs for that flow', () => {
    const r = flowMode('5 L/min', { duration: '0.25 h' });
    expect(at(r, 'pump_flow_L_min', 0)).toBeCloseTo(5, 6);
    const speed = at(r, 'pump_speed_rpm', 0);
    const rpm = run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.pump.speed': `${speed} rpm` });
    expect(at(rpm, 'pump_flow_L_min', 0)).toBeCloseTo(5, 6);
  });
  it('as the oxygenator clots its resistance rises: flow held, speed climbs (RPM mode: speed held, flow falls)', () => {
    const thrombus = { duration: '2 h' };
    const byFlow = flowMode('5 L/min', thrombus);
    const byRpm = run(DEFAULT_ECMO, {
      ...thrombus,
      'circuit.pump.speed': `${at(byFlow, 'pump_speed_rpm', 0)} rpm`,
      'circuit.oxygenator.thrombusRate': '0.5 1/h',
    });
    const byFlowClotting = flowMode('5 L/min', { ...thrombus, 'circuit.oxygenator.thrombusRate': '0.5 1/h' });
    expect(at(byFlowClotting, 'pump_flow_L_min', 2)).toBeCloseTo(5, 6);
    expect(at(byFlowClotting, 'pump_speed_rpm', 2)).toBeGreaterThan(at(byFlowClotting, 'pump_speed_rpm', 0) + 10);
    expect(at(byRpm, 'pump_speed_rpm', 2)).toBe(at(byRpm, 'pump_speed_rpm', 0));
    expect(at(byRpm, 'pump_flow_L_min', 2)).toBeLessThan(at(byRpm, 'pump_flow_L_min', 0) - 0.05);
  });
  it('a target the pump cannot reach below its maximum speed: the console stops at the maximum, flow below target', () => {
    const r = flowMode('8 L/min', { duration: '0.25 h', 'circuit.pump.maxSpeed': '3500 rpm' });
    expect(at(r, 'pump_speed_rpm', 0)).toBe(3500);
    expect(at(r, 'pump_flow_L_min', 0)).toBeLessThan(8);
  });
  it('a target above the venous-return limit drives the console to its maximum speed, and the vein chatters', () => {
    const r = flowMode('7.5 L/min', { duration: '0.25 h', 'circuit.venousDrainage.surroundingPressure': '10 mmHg' });
    expect(at(r, 'pump_speed_rpm', 0)).toBe(5000);
    expect(at(r, 'drainage_flow_L_min', 0)).toBeLessThan(at(r, 'venous_return_limit_L_min', 0));
    expect(at(r, 'drainage_flow_swing_L_min', 0)).toBeGreaterThan(0);
  });
});
