/** The replacement and effluent bags as the circuit drawing shows them. */

/** Effluent and replacement bags hold 5 L (the bag drawn when the engine reports none). */
export const BAG_mL = 5000;

/** What the bags hold now, as the drawing shows them. */
interface BagLevels {
  replacementFill: number;
  effluentFill: number;
  effluent_mL: number;
  effluentCapacity_mL: number;
  effluentName: string;
}

/**
 * The bags from the engine's bag series when the snapshot has them (the trainee changes bags; a full effluent bag
 * stays full); otherwise the older drawing, which empties and refills BAG_mL bags by itself from the volumes so far.
 */
export function bagLevels(o: Record<string, number>): BagLevels {
  const effluent = o.effluent_bag_mL;
  if (Number.isFinite(effluent)) {
    const capacity = Number.isFinite(o.effluent_bag_capacity_mL) ? o.effluent_bag_capacity_mL : BAG_mL;
    const replacementCapacity = Number.isFinite(o.replacement_bag_capacity_mL) ? o.replacement_bag_capacity_mL : BAG_mL;
    return {
      replacementFill: o.replacement_bag_mL / replacementCapacity,
      effluentFill: effluent / capacity,
      effluent_mL: effluent,
      effluentCapacity_mL: capacity,
      effluentName: 'Effluent bag',
    };
  }
  const total = o.effluent_volume_mL;
  const fill = (v: number) => (Number.isFinite(v) && v > 0 ? (v % BAG_mL) / BAG_mL : 0);
  return {
    replacementFill: 1 - fill(o.replacement_volume_mL),
    effluentFill: fill(total),
    effluent_mL: fill(total) * BAG_mL,
    effluentCapacity_mL: BAG_mL,
    effluentName: `Effluent bag ${Number.isFinite(total) ? Math.floor(total / BAG_mL) + 1 : 1}`,
  };
}
