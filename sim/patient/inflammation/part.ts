/** The sepsis drive in the engine: no state of its own, the drive now (sepsisDrive.ts, two phases) for IL-6,
 * vasoplegia and heart rate. */
import type { ModelDefinition } from '../../model/part.js';
import { sepsisDrive } from './sepsisDrive.js';

export const inflammationModel: ModelDefinition = {
  name: 'inflammation',
  states: [],
  series: {},
  create(m) {
    return {
      derive(now) {
        const k = m.current.kinetics.sepsisDrive;
        now.sepsisDrive = sepsisDrive(now.t_h, k.residualFraction, k.fastFraction, k.fastTimeConstant, k.timeConstant);
      },
    };
  },
};
