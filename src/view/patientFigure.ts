/** The patient lying supine, head up: the sites where the cannulae go in are marked. */
import { PATIENT } from './circuitLayout';
import { circle, fill, stroke, type Ctx } from './draw';

const SKIN = 0x3c4a57;
const OUTLINE = 0x8ea2b3;

export function drawPatient(ctx: Ctx): void {
  const p = PATIENT;
  ctx.beginPath();
  for (const part of [p.armL, p.armR, p.legL, p.legR, p.torso]) ctx.roundRect(part.x, part.y, part.w, part.h, part.r);
  fill(ctx, SKIN);
  stroke(ctx, { width: 2, color: OUTLINE });
  circle(ctx, p.head.x, p.head.y, p.head.r);
  fill(ctx, SKIN);
  stroke(ctx, { width: 2, color: OUTLINE });
  // great veins: superior and inferior vena cava into the right atrium, femoral vein down the leg
  ctx.beginPath();
  ctx.moveTo(p.jugular.x, p.jugular.y - 8);
  ctx.lineTo(p.heart.x, p.heart.y);
  ctx.lineTo(140, 280);
  ctx.lineTo(p.femoral.x, p.femoral.y);
  ctx.lineTo(p.femoral.x - 4, 520);
  stroke(ctx, { width: 7, color: 0x4a2a3a, alpha: 0.9, cap: 'round', join: 'round' });
  // heart
  ctx.beginPath();
  ctx.ellipse(p.heart.x + 4, p.heart.y + 8, 22, 17, 0, 0, 2 * Math.PI);
  fill(ctx, 0x6a2b38, 0.8);
}

/** Where the cannulae go in: right internal jugular and right femoral vein (drawn with the circuit). */
export function drawInsertionSites(ctx: Ctx): void {
  for (const s of [PATIENT.jugular, PATIENT.femoral]) stroke(circle(ctx, s.x, s.y, 6), { width: 2, color: 0xf2c14e });
}
