/**
 * The hemofilter in the engine: its membrane states (protein-layer coverage, cake resistance, fibres clotted),
 * derived each evaluation into the shared FilterNow (filterNow.ts), and its console series. The limb's pressures
 * follow from the circuit's solve (sim/circuit/circuitNow.ts); the solutes' clearances from filterNow.ts.
 *   dθ/dt  protein layer (membrane.ts)     dR_c/dt  cake growth ∝ flux × protein     dφ/dt  clotting hazard × (1 − φ)
 */
import { fixedScale, type ModelDefinition } from '../model/part.js';
import { cakeGrowthRate_per_h, clottingHazard_per_h, convectiveLayerRate_per_h, sievingCoefficient } from './membrane.js';
import { adsorptiveClearance_mL_h, convectiveClearance_mL_h, filterNow, filterScratch, type FilterSlots } from './filterNow.js';
import { effectiveUltrafiltrationCoefficient } from './transmembranePressure.js';
import { filterEvents } from './filterEvents.js';
import { mL_h, mL_min, perHour, perMinute } from '../quantities.js';

export const filterModel: ModelDefinition = {
  name: 'hemofilter',
  states: [
    { name: 'proteinLayerConvectiveCoverage', scale: fixedScale(1) },
    { name: 'cakeResistance', scale: fixedScale(1) },
    { name: 'clottedFraction', scale: fixedScale(1) },
  ],
  series: {
    filter_blood_flow_mL_min: ['mL/min', 'Blood flow through the hemofilter limb'],
    filtration_fraction: ['1', 'Filtration fraction Q_uf / (Qp + Q_pre)'],
    effluent_rate_mL_h: ['mL/h', 'Effluent (ultrafiltrate) rate'],
    predilution_rate_mL_h: ['mL/h', 'Replacement fluid given before the filter'],
    postdilution_rate_mL_h: ['mL/h', 'Replacement fluid given after the filter'],
    kuf_mL_h_mmHg: ['mL/h/mmHg', 'Effective ultrafiltration coefficient (fouling and clotting included)'],
    filter_clotted_pct: ['%', 'Fraction of filter fibres clotted'],
    filter_age_h: ['h', 'Age of the filter in use'],
    sieving_il6: ['1', 'IL-6 sieving coefficient now'],
    sieving_albumin: ['1', 'Albumin sieving coefficient now'],
    il6_clearance_mL_min: ['mL/min', 'Extracorporeal IL-6 clearance (convective + adsorptive)'],
    delivered_dose_mL_kg_h: ['mL/kg/h', 'Mean delivered effluent dose since the start'],
  },
  create(m, slot) {
    const at: FilterSlots = {
      coverage: slot('proteinLayerConvectiveCoverage'),
      cakeResistance: slot('cakeResistance'),
      clottedFraction: slot('clottedFraction'),
    };
    const effluent = slot('effluent_mL');
    const scratch = filterScratch();
    return {
      ...filterEvents(m, at),
      derive(now) {
        now.filter = filterNow(m, now.t_h, now.y, now.blood, at, scratch);
      },
      derivatives(now, dy) {
        const fn = now.filter;
        const f = m.current.filter;
        if (!fn || !f) return;
        const flux = fn.op.effluent_mL_h / f.area;
        dy[at.coverage] = convectiveLayerRate_per_h(fn.convectiveCoverage, flux, f.proteinLayer);
        dy[at.cakeResistance] = cakeGrowthRate_per_h(f.fouling.cakeResistancePerProtein, flux, fn.op.membraneProtein_g_L);
        dy[at.clottedFraction] = clottingHazard_per_h(f.clotting, fn.op.filtrationFraction, now.heparin.shortfall) * (1 - fn.clottedFraction);
      },
      observe(now, out) {
        const f = m.current.filter;
        const fn = now.filter;
        const t = now.t_h;
        // absent filter: no series; filter stopped (changing, clamped): flows are zero, membrane values missing
        const flowing = (v: () => number) => (f ? (fn ? v() : 0) : NaN);
        const membrane = (v: () => number) => (fn && f ? v() : NaN);
        out.filter_blood_flow_mL_min = flowing(() => fn!.op.bloodFlow_mL_min);
        out.filtration_fraction = membrane(() => fn!.op.filtrationFraction);
        out.effluent_rate_mL_h = flowing(() => fn!.op.effluent_mL_h);
        out.predilution_rate_mL_h = flowing(() => perHour(fn!.op.predilution_mL_min));
        out.postdilution_rate_mL_h = flowing(() => perHour(fn!.op.postdilution_mL_min));
        out.kuf_mL_h_mmHg = membrane(() => effectiveUltrafiltrationCoefficient(f!.ultrafiltrationCoefficient, fn!.clottedFraction, fn!.cakeResistance));
        out.filter_clotted_pct = membrane(() => 100 * fn!.clottedFraction);
        out.filter_age_h = membrane(() => fn!.age_h);
        out.sieving_il6 = membrane(() => sievingCoefficient(f!.sieving.il6.clean, f!.sieving.il6.fouled, fn!.coverage));
        out.sieving_albumin = membrane(() => sievingCoefficient(f!.sieving.albumin.clean, f!.sieving.albumin.fouled, fn!.coverage));
        out.il6_clearance_mL_min = flowing(() =>
          perMinute(
            mL_h(
              convectiveClearance_mL_h(fn!, f!.sieving.il6, 'plasma') +
                adsorptiveClearance_mL_h(fn!, mL_min(f!.adsorption.il6InitialClearance), f!.adsorption.timeConstant),
            ),
          ),
        );
        const elapsed = Math.max(t, 1e-12);
        out.delivered_dose_mL_kg_h = f ? (t > 0 ? now.y[effluent] / m.weight_kg / elapsed : fn ? fn.op.effluent_mL_h / m.weight_kg : 0) : NaN;
      },
    };
  },
};
