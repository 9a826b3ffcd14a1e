/**
 * Picking rows of a row-major matrix (features, embeddings) by index.
 *
 * @module
 */

/**
 * The rows `indices` of `matrix` ([n, d] row-major with n = `rows`), in that order, as a new
 * [indices.length, d] array. Throws when `matrix` is not whole rows or an index is out of range.
 */
export function gatherRows(
  matrix: Float32Array,
  rows: number,
  indices: ArrayLike<number>,
): Float32Array {
  if (!(matrix instanceof Float32Array) || !(rows >= 1) || matrix.length % rows !== 0) {
    throw new Error(`gatherRows: matrix must be a Float32Array of ${rows} whole rows`);
  }
  const d = matrix.length / rows;
  const out = new Float32Array(indices.length * d);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(Number.isInteger(i) && i >= 0 && i < rows)) {
      throw new Error(`gatherRows: index ${i} (position ${k}) out of range [0, ${rows})`);
    }
    out.set(matrix.subarray(i * d, (i + 1) * d), k * d);
  }
  return out;
}
