/**
 * The live view's address, read at start. Its own switches (renderer, perf) need nothing more; anything else (a
 * scenario, settings, or a slip such as `sett=`) is checked by urlSettings.ts, which resolves the scenario (zod, the
 * unit parser, the schema's messages) and is therefore imported only when the address holds more than the switches.
 */
import type { Command } from './protocol';
import type { AddressMessages } from './urlSettings';

/** The address's parameters the live view reads; any other is a slip (e.g. `sett=`), reported rather than ignored. */
export const ADDRESS_PARAMETERS = ['scenario', 'set', 'renderer', 'perf'] as const;
/** The parameters that only switch how the page draws or measures: no scenario is loaded for them. */
const PAGE_SWITCHES: readonly string[] = ['renderer', 'perf'];

/** Whether the address asks for more than the page's switches: a scenario, settings, or an unknown parameter. */
export function asksForSettings(search: string): boolean {
  return [...new URLSearchParams(search).keys()].some((k) => !PAGE_SWITCHES.includes(k));
}

/** urlSettings.ts's openFromAddress, imported only when the address asks for settings. */
export async function openFromAddressOnDemand(search: string, send: (c: Command) => void, messages: AddressMessages): Promise<void> {
  if (!asksForSettings(search)) return;
  const { openFromAddress } = await import('./urlSettings');
  openFromAddress(search, send, messages);
}
