/**
 * Running the numbered notebooks headless through the real Deno kernel and checking them.
 *
 * @module
 */
export * from "./inspect.ts";
export * from "./execute.ts";
