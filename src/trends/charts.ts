/**
 * The trend channels the user can choose from: each a chart of one or more engine series over simulated time, with
 * its reference (a target, a limit, a band) where the consoles have one. `shown` marks the default choice.
 */
import { MAP_TARGET_mmHg, SAO2_ALARM_pct } from '../consoles/alarmLimits';
import type { Snapshot, TrendSeries } from '../protocol';
import type { ChartSpec } from './chart';

export interface ChartDef {
  id: string;
  /** the channel's name in the chooser */
  name: string;
  shown: boolean;
  spec: (s: Snapshot) => ChartSpec;
  lines: { series: TrendSeries; label: string; colour: string; scale?: number }[];
}

const one = (series: TrendSeries, label: string, colour: string) => [{ series, label, colour }];

export const CHARTS: readonly ChartDef[] = [
  { id: 'il6', name: 'IL-6', shown: true, spec: () => ({ title: 'IL-6', unit: 'pg/mL', digits: 0, zero: true }), lines: one('il6_pg_mL', 'IL-6', '#ffb347') },
  { id: 'pct', name: 'PCT', shown: true, spec: () => ({ title: 'PCT', unit: 'ng/mL', digits: 1, zero: true }), lines: one('pct_ng_mL', 'PCT', '#f78fb3') },
  { id: 'crp', name: 'CRP', shown: true, spec: () => ({ title: 'CRP', unit: 'mg/L', digits: 0, zero: true }), lines: one('crp_mg_L', 'CRP', '#e6d36a') },
  {
    id: 'map',
    name: 'MAP',
    shown: true,
    spec: () => ({ title: 'MAP', unit: 'mmHg', digits: 0, target: MAP_TARGET_mmHg }),
    lines: one('map_mmHg', 'MAP', '#ff6b6b'),
  },
  {
    id: 'norepinephrine',
    name: 'Norepinephrine',
    shown: true,
    spec: () => ({ title: 'Norepi', unit: 'µg/kg/min', digits: 2, zero: true }),
    lines: one('norepinephrine_ug_kg_min', 'NE', '#9ad0ff'),
  },
  {
    id: 'tmp',
    name: 'TMP',
    shown: true,
    spec: (s) => ({ title: 'TMP', unit: 'mmHg', digits: 0, limit: s.settings.tmpLimit_mmHg, zero: true }),
    lines: one('tmp_mmHg', 'TMP', '#7be0c3'),
  },
  {
    id: 'aptt',
    name: 'aPTT',
    shown: true,
    spec: (s) => ({ title: 'aPTT', unit: 's', digits: 0, band: s.settings.apttTarget_s }),
    lines: one('aptt_s', 'aPTT', '#c78bff'),
  },
  {
    id: 'flows',
    name: 'Flows',
    shown: true,
    spec: () => ({ title: 'Flows', unit: 'L/min', digits: 2, zero: true }),
    lines: [
      { series: 'console_flow_L_min', label: 'pump', colour: '#ff8c8c' },
      { series: 'drainage_flow_L_min', label: 'drain', colour: '#ffb0d0' },
      { series: 'effective_flow_L_min', label: 'eff.', colour: '#ffd27f' },
      { series: 'filter_blood_flow_mL_min', label: 'Qb', colour: '#7fc8ff', scale: 1 / 1000 },
    ],
  },
  {
    id: 'drainage',
    name: 'Drainage pressure',
    shown: false,
    spec: () => ({ title: 'P drainage', unit: 'mmHg', digits: 0, zero: true }),
    lines: one('p_drainage_mmHg', 'P drain', '#ff9f6b'),
  },
  {
    id: 'oxygenator',
    name: 'Pre/post-oxygenator pressure',
    shown: false,
    spec: () => ({ title: 'Oxygenator', unit: 'mmHg', digits: 0, zero: true }),
    lines: [
      { series: 'p_pre_oxygenator_mmHg', label: 'pre', colour: '#ff8c8c' },
      { series: 'p_post_oxygenator_mmHg', label: 'post', colour: '#7fc8ff' },
    ],
  },
  {
    id: 'dp-oxygenator',
    name: 'ΔP oxygenator',
    shown: false,
    spec: () => ({ title: 'ΔP oxygenator', unit: 'mmHg', digits: 0, zero: true }),
    lines: one('dp_oxygenator_mmHg', 'ΔP', '#f2c14e'),
  },
  {
    id: 'crrt-pressures',
    name: 'Access/return pressure',
    shown: false,
    spec: () => ({ title: 'CRRT access/return', unit: 'mmHg', digits: 0, zero: true }),
    lines: [
      { series: 'p_access_mmHg', label: 'access', colour: '#ffe08a' },
      { series: 'p_filter_out_mmHg', label: 'return', colour: '#9ad0ff' },
    ],
  },
  {
    id: 'saturations',
    name: 'Saturations',
    shown: false,
    spec: () => ({ title: 'Saturations', unit: '%', digits: 0, limit: SAO2_ALARM_pct }),
    lines: [
      { series: 'sao2_pct', label: 'SaO₂', colour: '#66d9ff' },
      { series: 'post_oxygenator_sat_pct', label: 'post-oxy', colour: '#ff6b6b' },
      { series: 'drainage_sat_pct', label: 'SvO₂ drain', colour: '#c78bff' },
    ],
  },
  { id: 'paco2', name: 'PaCO₂', shown: false, spec: () => ({ title: 'PaCO₂', unit: 'mmHg', digits: 0 }), lines: one('paco2_mmHg', 'PaCO₂', '#7be0c3') },
  {
    id: 'temperature',
    name: 'Temperature',
    shown: false,
    spec: () => ({ title: 'Temperature', unit: '°C', digits: 1 }),
    lines: one('temperature_C', 'T', '#ffb347'),
  },
];
