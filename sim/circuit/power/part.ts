/**
 * The ECMO console's power (battery.ts): mains or battery, the battery's charge, and whether the motor can turn
 * the pump. Losing mains (circuit.power.mains false) moves the console onto its battery, which runs down linearly
 * over its runtime; "battery low" at circuit.power.lowBatteryLevel; at zero charge the motor stops and the pump
 * with it (circuit/centrifugalPump.ts: headSpeedWithoutMotor_rpm). Mains back recharges it. No slow state: the
 * charge is linear between events, so the times it reaches a level are scheduled events, exact to round-off.
 * A failed motor (circuit.pump.failed) and the hand crank (circuit.pump.handCrank) are logged here too. A new console
 * (sim/circuit/deviceChange: changeConsole) comes with its battery full; this part runs after that one, so at the
 * time the new console goes in it sees the drive it brings.
 */
import type { ModelDefinition } from '../../model/part.js';
import { fmt, type EventLog } from '../../model/events.js';
import { changeUnderway, devicesChanged, type Model } from '../../model/context.js';
import { chargeAt, rebase, timeToLevel_h, type BatteryLine } from './battery.js';

const EPS_h = 1e-9;

type Settings = NonNullable<Model['current']['circuit']>;

/** Console changes finished: each new console brings a full battery (the one under way not yet). */
function consolesIn(m: Model): number {
  return devicesChanged(m, 'console') - (changeUnderway(m)?.device === 'console' ? 1 : 0);
}

/** What turns the pump head, as the log names it. */
function driveOf(c: Settings, batteryEmpty: boolean): string {
  if (c.pump.handCrank) return `hand crank at ${fmt(c.pump.handCrankSpeed, 0)} rpm`;
  if (c.pump.failed) return 'none: motor or console failed';
  return batteryEmpty ? 'none: battery empty' : 'motor';
}

export const powerModel: ModelDefinition = {
  name: 'power',
  states: [],
  series: {
    on_battery: ['1', 'The ECMO console runs on its battery (1) or on mains (0)'],
    battery_charge_pct: ['%', "Charge left in the ECMO console's battery"],
  },
  create(m) {
    const battery: BatteryLine = { t0_h: 0, charge0: 1, rate_per_h: 0 };
    const held = { mains: true, warned: false, drive: 'motor', consoles: 0 };
    const settings = () => m.current.circuit;
    const runtime_h = (c: Settings) => c.power.batteryRuntime / 60;
    /** Brings the held line and flags to the settings in force at t, logging what changed. */
    const sync = (t: number, log: EventLog) => {
      const c = settings();
      if (!c) return;
      const mains = c.power.mains;
      const consoles = consolesIn(m);
      if (consoles !== held.consoles) {
        held.consoles = consoles;
        rebase(battery, t, !held.mains, runtime_h(c), c.power.rechargeTime);
        battery.charge0 = 1; // the new console's battery, charged on its stand
        held.warned = false;
      }
      if (mains !== held.mains) {
        rebase(battery, t, !mains, runtime_h(c), c.power.rechargeTime);
        held.mains = mains;
        const pct = fmt(100 * battery.charge0, 0);
        if (!mains) log('power_loss', `mains power lost: console on battery (${pct} %, ${fmt(battery.charge0 * c.power.batteryRuntime, 0)} min at full load)`);
        else log('power_restored', `mains power back: battery recharging from ${pct} %`);
        if (mains) held.warned = false;
      }
      // empty at the scheduled time, not an ulp after it
      const empty = !mains && chargeAt(battery, t + EPS_h) <= 0;
      m.batteryEmpty = empty;
      const drive = driveOf(c, empty);
      if (drive !== held.drive) {
        if (drive.startsWith('none')) log('pump_stopped', `centrifugal pump stopped: ${drive.slice(6)}; clamp the lines, support the patient, hand crank`);
        else log('pump_running', `centrifugal pump turned by the ${drive}`);
        held.drive = drive;
      }
    };
    return {
      initial() {
        const c = m.scenario.circuit;
        if (!c) return;
        held.mains = c.power.mains;
        rebase(battery, 0, !c.power.mains, runtime_h(c), c.power.rechargeTime);
        battery.charge0 = 1; // a fully charged battery at the start
        m.batteryEmpty = false;
        held.drive = driveOf(c, false);
        held.consoles = 0;
      },
      nextEventTime() {
        const c = settings();
        if (!c || c.power.mains) return Infinity;
        const low = held.warned ? Infinity : timeToLevel_h(battery, c.power.lowBatteryLevel);
        return Math.min(low, timeToLevel_h(battery, 0));
      },
      applyScheduled(t, _y, log) {
        const c = settings();
        if (!c) return;
        const q = chargeAt(battery, t + EPS_h);
        if (!c.power.mains && !held.warned && q <= c.power.lowBatteryLevel) {
          held.warned = true;
          log('battery_low', `console battery low: ${fmt(100 * q, 0)} %, ${fmt(q * c.power.batteryRuntime, 0)} min left at full load`, 100 * q);
        }
        sync(t, log);
      },
      perform(t, _y, _action, log) {
        sync(t, log);
      },
      observe(now, out) {
        const c = settings();
        out.on_battery = c ? (c.power.mains ? 0 : 1) : NaN;
        out.battery_charge_pct = c ? 100 * chargeAt(battery, now.t_h) : NaN;
      },
    };
  },
};
