/**
 * The talk's narrative data (history of the terms).
 *
 * @module
 */
export * from "./history.ts";
