/**
 * The body's heat balance, one lumped compartment at the core temperature T [°C]:
 *
 *   C·dT/dt = H_met − G·(T − T_room) − G_ec·(T − T_room) − Q_r·c_w·(T − T_r)
 *             + [ε·Q_p·c_b·(T_set − T) + ε·L_limb]·[heater on] + K·(T_sp(t) − T) − P_s
 *
 *   C = c_body·weight                 body heat capacity (c_body 3.47 kJ/kg/K) [S2]
 *   H_met = VO2·e_O2                  metabolic heat; e_O2 = 4.184·(3.941 + 1.106·RQ) kJ per L O2 [S: Weir, J Physiol
 *                                     1949], 20.2 kJ/L at RQ 0.8
 *   G = H_met(0)/(T0 − T_room)        the resting heat loss: at the start, before any extracorporeal treatment, the
 *                                     body loses what it makes [E: steady state at the start]
 *   G_ec·(T − T_room)                 extracorporeal blood losing heat to the room through its lines, filter and
 *                                     (heater off) oxygenator: G_ec = Σ Q·c_b·(1 − e^(−UA/(Q·c_b))) over the filter
 *                                     limb (UA 2.2 W/K [S: van der Sande, NDT 1999]) at its blood flow and the ECMO
 *                                     circuit with its heater off (UA 5 W/K [E]) at the flow by which its blood
 *                                     exchanges with the patient; lineConductance_kJ_h_K
 *   Q_r·c_w·(T − T_r)                 replacement fluid entering at T_r (warmed or room temperature) and leaving as
 *                                     effluent at T; c_w 4.18 kJ/L/K (water) [S]
 *   ε·Q_p·c_b·(T_set − T)             the oxygenator's heat exchanger: pump flow Q_p, blood 3.8 kJ/L/K [S2], water held
 *                                     at the set point T_set, performance factor ε [E]
 *   ε·L_limb                          the filter limb returning before the pump: its blood, cooled by the limb's loss
 *                                     L_limb (replacement fluid and walls), mixes into the exchanger's inlet, which
 *                                     is then T − L_limb/(Q_p·c_b) colder: the exchanger gives ε·Q_p·c_b times that more
 *   K·(T_sp − T)                      thermoregulation towards the set point, vasomotor tone above all (sedated
 *                                     patients hardly shiver): K 50 W/K [E: from the −0.6 °C median change at
 *                                     CRRT start, 1361 patients]; linear, without a ceiling (temperature.md)
 *   T_sp(t) = T_normal + (T0 − T_normal)·D(t)   the fever set point raised with the sepsis drive D [E: a hypothesis]
 *   P_s = P_max·clamp((T − T_target)/b, −1, 1)   a servo-controlled surface device (pads, blankets) while given:
 *                                     full output P_max [S2: Hoedemaekers 2007's cooling rates] beyond its
 *                                     proportional band b [E], proportional within it; negative: it warms
 *
 * Every flow is in kJ/h (W = kJ/h ÷ 3.6). Nothing here allocates: `heatFlows` writes into the object it is given.
 */

/** Volumetric heat capacity of replacement fluid (water), kJ/L/K [S: 4.18 kJ/kg/K, 1 kg/L]. */
export const REPLACEMENT_HEAT_CAPACITY_kJ_L_K = 4.18;
/** Volumetric heat capacity of blood, kJ/L/K [S2: 3.6 kJ/kg/K × 1.05 kg/L, tissue-property tables (IT'IS)]. */
export const BLOOD_HEAT_CAPACITY_kJ_L_K = 3.8;
/** kJ/h per W. */
export const KJ_H_PER_W = 3.6;

/** Heat released per litre of oxygen consumed, kJ/L (Weir 1949: 3.941 kcal/L O2 + 1.106 kcal/L CO2). */
export function oxygenEnergyEquivalent_kJ_L(respiratoryQuotient: number): number {
  return 4.184 * (3.941 + 1.106 * respiratoryQuotient);
}

/** Metabolic heat, kJ/h, from oxygen consumption in mL/min. */
export function metabolicHeat_kJ_h(vo2_mL_min: number, energy_kJ_L: number): number {
  return (vo2_mL_min * 60 * energy_kJ_L) / 1000;
}

/** The fever set point: raised above normal in proportion to the sepsis drive (a hypothesis). */
export function feverSetPoint_C(normal_C: number, start_C: number, drive: number): number {
  return normal_C + (start_C - normal_C) * drive;
}

/**
 * Heat a stretch of extracorporeal blood path gives the room per kelvin of blood−room difference (kJ/h/K), from its
 * wall conductance UA (W/K) and the blood flow through it (mL/min): Q·c_b·(1 − e^(−UA/(Q·c_b))), the effectiveness of a
 * line with a uniform room outside it (heat-exchanger NTU relation). UA when the flow is large; 0 when it stops.
 */
export function lineConductance_kJ_h_K(ua_W_K: number, flow_mL_min: number): number {
  if (!(flow_mL_min > 0) || !(ua_W_K > 0)) return 0;
  const flowCapacity = ((flow_mL_min * 60) / 1000) * BLOOD_HEAT_CAPACITY_kJ_L_K;
  return flowCapacity * -Math.expm1(-(KJ_H_PER_W * ua_W_K) / flowCapacity);
}

/** What the heat balance reads now. Flows: replacement in mL/h, pump flow in mL/min. */
export interface HeatInputs {
  temperature_C: number;
  metabolic_kJ_h: number;
  roomConductance_kJ_h_K: number;
  room_C: number;
  /** The filter limb's blood path's conductance to the room, kJ/h/K (0 when its blood does not reach the patient). */
  limbConductance_kJ_h_K: number;
  /** The ECMO circuit's conductance to the room, kJ/h/K (0 with its heater on, or its blood cut off from the patient). */
  ecmoConductance_kJ_h_K: number;
  replacement_mL_h: number;
  replacement_C: number;
  /** ε·Q_p through the heat exchanger, mL/min (0 with the heater off or no circuit). */
  heaterEffectiveFlow_mL_min: number;
  heaterSetPoint_C: number;
  /**
   * The share of the filter limb's heat loss (replacement fluid and walls) the exchanger recovers: ε while the heater
   * works and the limb returns its blood into the ECMO circuit before the exchanger, else 0.
   */
  exchangerRecovery: number;
  regulationGain_kJ_h_K: number;
  setPoint_C: number;
  /** The surface device's full output, kJ/h (0 when it is not given), its target and its proportional band (K). */
  surfaceMaxPower_kJ_h: number;
  surfaceTarget_C: number;
  surfaceBand_K: number;
}

/** The heat flows now, kJ/h, each signed as it enters the balance (gains positive). */
export interface HeatFlows {
  metabolic: number;
  /** Net loss to the room: passive loss less what thermoregulation keeps. */
  room: number;
  /** Heat the extracorporeal blood gives the room through its lines, filter and oxygenator (a loss). */
  extracorporeal: number;
  /** Heat taken by replacement fluid warming to body temperature (a loss). */
  replacement: number;
  /** Net heat the heater gives (negative when it cools). */
  heater: number;
  /** Heat the surface device removes (negative when it warms). */
  surface: number;
}

export function heatFlows(i: HeatInputs, out: HeatFlows): HeatFlows {
  const t = i.temperature_C;
  const limbWall = i.limbConductance_kJ_h_K * (t - i.room_C);
  out.metabolic = i.metabolic_kJ_h;
  out.room = i.roomConductance_kJ_h_K * (t - i.room_C) - i.regulationGain_kJ_h_K * (i.setPoint_C - t);
  out.extracorporeal = limbWall + i.ecmoConductance_kJ_h_K * (t - i.room_C);
  out.replacement = (i.replacement_mL_h / 1000) * REPLACEMENT_HEAT_CAPACITY_kJ_L_K * (t - i.replacement_C);
  out.heater =
    ((i.heaterEffectiveFlow_mL_min * 60) / 1000) * BLOOD_HEAT_CAPACITY_kJ_L_K * (i.heaterSetPoint_C - t) + i.exchangerRecovery * (limbWall + out.replacement);
  out.surface = surfaceDeviceHeat_kJ_h(i.surfaceMaxPower_kJ_h, i.surfaceTarget_C, i.surfaceBand_K, t);
  return out;
}

/**
 * Heat a servo-controlled surface device removes (kJ/h; negative: it warms): full output beyond its proportional
 * band around the target, proportional within it, P_max·clamp((T − T_target)/b, −1, 1). A servo device drives its
 * water towards whatever removes the heat the core's distance from target asks for, up to what it can [E: the
 * proportional form]; 0 when not given (P_max 0).
 */
export function surfaceDeviceHeat_kJ_h(maxPower_kJ_h: number, target_C: number, band_K: number, temperature_C: number): number {
  if (!(maxPower_kJ_h > 0)) return 0;
  const x = (temperature_C - target_C) / band_K;
  return maxPower_kJ_h * (x > 1 ? 1 : x < -1 ? -1 : x);
}

/** dT/dt, K/h, from the heat flows and the body's heat capacity (kJ/K). */
export function temperatureRate_K_h(f: HeatFlows, heatCapacity_kJ_K: number): number {
  return (f.metabolic - f.room - f.extracorporeal - f.replacement + f.heater - f.surface) / heatCapacity_kJ_K;
}
