/**
 * The dose grid both explorer page tests run, filled into the page's sweep form as a user would: 2 h runs,
 * effluent dose 30–50 mL/kg/h by 10 × predilution 0–1 by 0.5 (the grid cliSweep.ts runs on the command line).
 */
import type { Page } from 'playwright-core';

export async function fillDoseGrid(page: Page): Promise<void> {
  await page.fill('#sweep-hours', '2');
  await page.selectOption('#sweep-p1', 'prescription.effluentDose');
  await page.fill('#sweep-p1-from', '30');
  await page.fill('#sweep-p1-to', '50');
  await page.fill('#sweep-p1-step', '10');
  await page.selectOption('#sweep-p2', 'prescription.predilutionFraction');
  await page.fill('#sweep-p2-from', '0');
  await page.fill('#sweep-p2-to', '1');
  await page.fill('#sweep-p2-step', '0.5');
}
