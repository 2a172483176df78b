/** TMP at a state, or null when no filter is filtering: the event function of the filter-change rule. */
import { bloodState } from './bloodState.js';
import { filterNow, filterTmp_mmHg } from './filterNow.js';
import type { Model } from './model.js';

export function tmpNow(m: Model, t_h: number, y: ArrayLike<number>): number | null {
  const fn = filterNow(m, t_h, y, bloodState(m, y));
  return fn ? filterTmp_mmHg(m, fn) : null;
}
