/** The bundled cohort's arm files, which the benches that replay the cohort read (relative to the repository root). */
import { join } from 'node:path';

export const COHORT_ARM_FILES = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'];

/** The arm files under a tree's root (a bench that bundles an entry file elsewhere needs them absolute). */
export const cohortArmPaths = (root: string): string[] => COHORT_ARM_FILES.map((f) => join(root, f));
