/**
 * The channel mapping of a manifest row: which column of a recording file holds which common
 * channel, written `eeg=Fp1;ecg=ECG_II;gsr=EDA` (a bare `eeg` means `eeg=eeg`), so that
 * experiments with different column names map to the same channel names.
 *
 * @module
 */
import { CHANNEL_NAME_RULE, isChannelName } from "../data/validate_recording.ts";

/** One channel of a recording: its common name and the file column that holds it. */
export interface ChannelMapping {
  /** The common channel name (the same in every experiment), e.g. "eeg". */
  name: string;
  /** The column of the recording file, e.g. "Fp1". */
  column: string;
}

/** What the text form of a channel mapping looks like, for error messages. */
export const CHANNEL_MAP_RULE =
  `'name=column' pairs joined with ';' (e.g. 'eeg=Fp1;ecg=ECG_II'), channel ${CHANNEL_NAME_RULE}`;

/**
 * Checks a list of mappings: at least one, valid distinct channel names, non-empty distinct
 * columns. Returns null when fine, else what is wrong (one phrase for a message).
 */
export function channelMapProblem(mappings: readonly ChannelMapping[]): string | null {
  if (mappings.length === 0) return "at least one channel";
  const names = new Set<string>(), columns = new Set<string>();
  for (const { name, column } of mappings) {
    if (!isChannelName(name)) return `a channel name of ${CHANNEL_NAME_RULE}, got '${name}'`;
    if (column.length === 0) return `a column for channel '${name}'`;
    if (names.has(name)) return `distinct channel names, '${name}' appears twice`;
    if (columns.has(column)) return `distinct columns, '${column}' is mapped twice`;
    names.add(name);
    columns.add(column);
  }
  return null;
}

/**
 * Parses `name=column;name=column` (spaces around names and columns trimmed; a bare `name`
 * maps the column of the same name). Returns the mappings, or a string saying what was
 * expected when the text is malformed.
 */
export function parseChannelMap(text: string): ChannelMapping[] | string {
  const parts = text.split(";").map((p) => p.trim()).filter((p, i, all) =>
    p !== "" || i < all.length - 1
  );
  const out: ChannelMapping[] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    const column = (eq < 0 ? part : part.slice(eq + 1)).trim();
    if (name === "" || (eq >= 0 && part.indexOf("=", eq + 1) >= 0)) return CHANNEL_MAP_RULE;
    out.push({ name, column });
  }
  const problem = channelMapProblem(out);
  return problem === null ? out : `${problem} (${CHANNEL_MAP_RULE})`;
}

/** The text form of mappings: `eeg=Fp1;ecg=ECG_II` (`eeg` alone when the column is `eeg`). */
export function formatChannelMap(mappings: readonly ChannelMapping[]): string {
  return mappings.map((m) => (m.name === m.column ? m.name : `${m.name}=${m.column}`)).join(";");
}
