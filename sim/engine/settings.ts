/** Changing a setting during a run (the model layer's applySetting, which the faults part uses too). */
export { applySetting } from '../model/settings.js';
