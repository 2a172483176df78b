/** Numbers as the consoles show them: fixed decimals, "—" for a value that does not exist now. */
export function fmt(v: number | undefined, digits: number): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—';
}

/** Simulated time as "d h min" from hours. */
export function fmtClock(t_h: number): string {
  const totalMin = Math.floor(t_h * 60 + 1e-9);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  return `${d > 0 ? `${d} d ` : ''}${String(h).padStart(d > 0 ? 2 : 1, '0')} h ${String(m).padStart(2, '0')} min`;
}

/** Simulated time as total hours and minutes, "26:05 h", for lists. */
export function fmtHours(t_h: number): string {
  const totalMin = Math.floor(t_h * 60 + 1e-9);
  return `${Math.floor(totalMin / 60)}:${String(totalMin % 60).padStart(2, '0')} h`;
}
