/**
 * The error of the pipeline's input validation: every problem found in the manifest, the
 * recordings and the events files at once, one line each, before anything is trained.
 *
 * @module
 */

/** Bad input found by validation: one line per problem (the first problem of each file). */
export class PipelineInputError extends Error {
  /** The problems, one line each, in manifest order. */
  readonly problems: string[];

  /** Creates the error from one-line problem messages (at least one). */
  constructor(problems: string[]) {
    if (problems.length === 0) throw new Error("PipelineInputError: expected at least one problem");
    const lines = problems.map((p) => p.replace(/\s*\n\s*/g, " "));
    super(
      lines.length === 1
        ? lines[0]
        : `${lines.length} problems in the input, one per line:\n${lines.join("\n")}`,
    );
    this.name = "PipelineInputError";
    this.problems = lines;
  }
}
