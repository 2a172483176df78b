/** The patient lying supine, head up: the sites where the cannulae go in are marked. */
import { Graphics } from 'pixi.js';
import { PATIENT } from './circuitLayout';

const SKIN = 0x3c4a57;
const OUTLINE = 0x8ea2b3;

export function patientFigure(): Graphics {
  const p = PATIENT;
  const g = new Graphics();
  for (const part of [p.armL, p.armR, p.legL, p.legR, p.torso]) g.roundRect(part.x, part.y, part.w, part.h, part.r);
  g.fill(SKIN).stroke({ width: 2, color: OUTLINE });
  g.circle(p.head.x, p.head.y, p.head.r).fill(SKIN).stroke({ width: 2, color: OUTLINE });
  // great veins: superior and inferior vena cava into the right atrium, femoral vein down the leg
  g.moveTo(p.jugular.x, p.jugular.y - 8)
    .lineTo(p.heart.x, p.heart.y)
    .lineTo(140, 280)
    .lineTo(p.femoral.x, p.femoral.y)
    .lineTo(p.femoral.x - 4, 520)
    .stroke({ width: 7, color: 0x4a2a3a, alpha: 0.9, cap: 'round', join: 'round' });
  // heart
  g.ellipse(p.heart.x + 4, p.heart.y + 8, 22, 17).fill({ color: 0x6a2b38, alpha: 0.8 });
  return g;
}

/** Where the cannulae go in: right internal jugular and right femoral vein (drawn with the circuit). */
export function insertionSites(): Graphics {
  const g = new Graphics();
  for (const s of [PATIENT.jugular, PATIENT.femoral]) g.circle(s.x, s.y, 6).stroke({ width: 2, color: 0xf2c14e });
  return g;
}
