/**
 * Laboratory tests a trainee can order: what each measures (the engine's series at the moment of the draw) and how
 * long the result takes. A device shows none of these continuously; the trainee orders them and waits.
 * Turnaround times are [practice] estimates (point-of-care blood gas minutes, central laboratory tens of minutes);
 * a training scenario sets its own.
 */

export interface LabTest {
  readonly title: string;
  /** series → the label the result shows */
  readonly results: Readonly<Record<string, string>>;
  /** default turnaround (min), [practice] */
  readonly turnaround_min: number;
}

export const LAB_TESTS = {
  bloodGas: {
    title: 'Arterial blood gas',
    results: {
      ph: 'pH',
      pao2_mmHg: 'PaO₂ (mmHg)',
      paco2_mmHg: 'PaCO₂ (mmHg)',
      sao2_pct: 'SaO₂ (%)',
      bicarbonate_mmol_L: 'HCO₃⁻ (mmol/L)',
      lactate_mmol_L: 'Lactate (mmol/L)',
      hemoglobin_g_dL: 'Hb (g/dL)',
    },
    turnaround_min: 3,
  },
  postOxygenatorGas: {
    title: 'Post-oxygenator blood gas',
    results: { post_oxygenator_po2_mmHg: 'PO₂ post-oxygenator (mmHg)', post_oxygenator_pco2_mmHg: 'PCO₂ post-oxygenator (mmHg)' },
    turnaround_min: 3,
  },
  aptt: { title: 'aPTT', results: { aptt_s: 'aPTT (s)' }, turnaround_min: 45 },
  /** Anti-Xa activity reads plasma heparin (U/mL) directly: the assay is calibrated against unfractionated heparin. */
  antiXa: { title: 'Anti-Xa', results: { anti_xa_U_mL: 'Anti-Xa (U/mL)' }, turnaround_min: 60 },
  inflammation: {
    title: 'IL-6, PCT, CRP',
    results: { il6_pg_mL: 'IL-6 (pg/mL)', pct_ng_mL: 'PCT (ng/mL)', crp_mg_L: 'CRP (mg/L)' },
    turnaround_min: 120,
  },
  bloodCount: {
    title: 'Full blood count',
    results: { hemoglobin_g_dL: 'Hb (g/dL)', hematocrit_pct: 'Hct (%)', platelets_1e9_L: 'Platelets (10⁹/L)' },
    turnaround_min: 20,
  },
  freeHemoglobin: { title: 'Plasma free hemoglobin', results: { plasma_free_hb_mg_dL: 'Free Hb (mg/dL)' }, turnaround_min: 60 },
  chemistry: {
    title: 'Chemistry',
    results: { creatinine_mg_dL: 'Creatinine (mg/dL)', urea_mg_dL: 'Urea (mg/dL)', albumin_g_L: 'Albumin (g/L)', phosphate_mmol_L: 'Phosphate (mmol/L)' },
    turnaround_min: 60,
  },
} as const satisfies Record<string, LabTest>;

export type LabName = keyof typeof LAB_TESTS;
export const LAB_NAMES = Object.keys(LAB_TESTS) as LabName[];

/** A result as the trainee reads it: each value with its label, to 3 significant figures. */
export function labResultText(name: LabName, values: Readonly<Record<string, number>>): string {
  const test: LabTest = LAB_TESTS[name];
  const parts = Object.entries(test.results).map(([series, label]) => {
    const v = values[series];
    return `${label} ${v === undefined || Number.isNaN(v) ? '—' : +v.toPrecision(3)}`;
  });
  return `${test.title}: ${parts.join(', ')}`;
}
