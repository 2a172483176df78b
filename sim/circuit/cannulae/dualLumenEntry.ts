/**
 * One dual-lumen catalogue entry from its chart: the drainage lumen (multi-stage, drains) and the infusion lumen
 * (single-stage, returns) as two catalogue cannulae sharing the chart's identity, fluid, source and axis maximum
 * (the largest drop either lumen's chart reaches). Every family (dualLumen.ts, crescent.ts) builds its entries here.
 */
import type { CannulaIdentity, CatalogueCannula } from './catalogue.js';
import { largestDrop_mmHg, WATER_ROOM } from './chart.js';

export interface DualLumenCannula extends CannulaIdentity {
  readonly drainage: CatalogueCannula;
  readonly return: CatalogueCannula;
}

type Points = CatalogueCannula['points'];

export interface DualLumenChart extends CannulaIdentity {
  readonly source: string;
  readonly points: { readonly drainage: Points; readonly infusion: Points };
  /** Where the two-term fit cannot follow the infusion lumen's chart (said, not hidden). */
  readonly infusionMisfit?: string;
}

export function dualLumenEntry(c: DualLumenChart): DualLumenCannula {
  const chartMaximum_mmHg = largestDrop_mmHg(c.points.drainage, c.points.infusion);
  const lumen = (role: 'drainage' | 'return'): CatalogueCannula => {
    const name = role === 'drainage' ? 'drainage' : 'infusion';
    return {
      id: `${c.id}:${name}`,
      manufacturer: c.manufacturer,
      model: `${c.model}, ${name} lumen`,
      orderCode: c.orderCode,
      size_Fr: c.size_Fr,
      length_mm: c.length_mm,
      stages: role === 'drainage' ? 'multi' : 'single',
      role,
      dualLumen: true,
      fluid: WATER_ROOM,
      source: c.source,
      points: role === 'drainage' ? c.points.drainage : c.points.infusion,
      chartMaximum_mmHg,
      ...(role === 'return' && c.infusionMisfit ? { misfit: c.infusionMisfit } : {}),
    };
  };
  const { id, manufacturer, model, orderCode, size_Fr, length_mm } = c;
  return { id, manufacturer, model, orderCode, size_Fr, length_mm, drainage: lumen('drainage'), return: lumen('return') };
}
