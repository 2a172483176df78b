/**
 * The consoles' alarm limits: where a reading turns red. Display thresholds for training, not model parameters;
 * each says where it comes from.
 */
/** Drainage suction beyond which the line chatters and hemolysis rises [S: reference-data.md §6, −80 to −100 mmHg]. */
export const DRAINAGE_SUCTION_LIMIT_mmHg = -100;
/** Pre-oxygenator pressure alarm [E: upper end of the 150–350 mmHg post-pump range, reference-data.md §8]. */
export const PRE_OXYGENATOR_LIMIT_mmHg = 350;
/** Oxygenator pressure drop that suggests fibre-bundle thrombus [E: usually < 50 mmHg, reference-data.md §6]. */
export const OXYGENATOR_DP_LIMIT_mmHg = 60;
/** Recirculation worth acting on [E: 10–20 % is usual femoro-jugular, reference-data.md §6]. */
export const RECIRCULATION_LIMIT_pct = 30;
/** Filter hours left before the maximum age at which the console warns [E]. */
export const FILTER_AGE_WARNING_h = 2;
/** Fraction of the TMP limit at which TMP turns red [E]. */
export const TMP_WARNING_FRACTION = 0.8;
/** Filtration fraction above the manufacturer's limit [S: ≤ 20–25 %, reference-data.md §1]. */
export const FILTRATION_FRACTION_LIMIT = 0.25;
/** Share of fibres clotted worth a warning [E]. */
export const CLOTTED_WARNING_pct = 30;
/** MAP target [S: reference-data.md §7, MAP ≥ 65 mmHg]. */
export const MAP_TARGET_mmHg = 65;
/** Arterial desaturation alarm [E: common monitor default]. */
export const SAO2_ALARM_pct = 88;
