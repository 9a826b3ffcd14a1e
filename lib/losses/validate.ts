/**
 * Argument checks shared by the losses: shapes and hyper-parameters are checked for free
 * (no data read-back); values (NaN/Infinity, 0/1 flags) with one read-back of a tiny tensor.
 *
 * @module
 */
import { tf } from "../backend/tf.ts";

/** Labels or pair flags: a rank-1 tensor or a plain array of numbers. */
export type LabelsLike = tf.Tensor | ArrayLike<number>;

function shapeText(t: tf.Tensor): string {
  return `[${t.shape.join(", ")}]`;
}

/** Throws unless `t` is a tfjs tensor of shape [n, d] with n ≥ 1 and d ≥ 1. */
export function requireMatrix(fn: string, name: string, t: unknown): asserts t is tf.Tensor2D {
  if (!(t instanceof tf.Tensor)) {
    throw new Error(`${fn}: ${name} must be a tf.Tensor of shape [n, d], got ${typeof t}`);
  }
  if (t.rank !== 2 || t.shape[0] < 1 || t.shape[1] < 1) {
    throw new Error(`${fn}: ${name} must have shape [n, d] with n, d ≥ 1, got ${shapeText(t)}`);
  }
  if (t.dtype !== "float32") {
    throw new Error(`${fn}: ${name} must be float32, got ${t.dtype}`);
  }
}

/** Throws unless `b` has exactly the shape of `a`. */
export function requireSameShape(
  fn: string,
  aName: string,
  a: tf.Tensor,
  bName: string,
  b: tf.Tensor,
): void {
  if (a.rank !== b.rank || a.shape.some((s, i) => s !== b.shape[i])) {
    throw new Error(
      `${fn}: ${aName} and ${bName} must have the same shape, got ${shapeText(a)} and ${
        shapeText(b)
      }`,
    );
  }
}

/** Throws unless the margin is a finite number ≥ 0. */
export function requireMargin(fn: string, margin: number): void {
  if (typeof margin !== "number" || !Number.isFinite(margin) || margin < 0) {
    throw new Error(`${fn}: margin must be a finite number ≥ 0, got ${String(margin)}`);
  }
}

/** Throws unless the temperature is a finite number > 0. */
export function requireTemperature(fn: string, temperature: number): void {
  if (typeof temperature !== "number" || !Number.isFinite(temperature) || temperature <= 0) {
    throw new Error(`${fn}: temperature must be a finite number > 0, got ${String(temperature)}`);
  }
}

/**
 * Returns `labels` as a float32 tensor of shape [n] (a new tensor, owned by the enclosing
 * `tf.tidy`), throwing when it is not rank 1 of length n.
 */
export function labelVector(fn: string, name: string, labels: LabelsLike, n: number): tf.Tensor1D {
  if (labels instanceof tf.Tensor) {
    if (labels.rank !== 1 || labels.shape[0] !== n) {
      throw new Error(`${fn}: ${name} must have shape [${n}], got ${shapeText(labels)}`);
    }
    return tf.cast(labels as tf.Tensor1D, "float32");
  }
  if (labels === null || typeof labels !== "object" || typeof labels.length !== "number") {
    throw new Error(`${fn}: ${name} must be a tf.Tensor or an array of numbers`);
  }
  if (labels.length !== n) {
    throw new Error(`${fn}: ${name} must have length ${n}, got ${labels.length}`);
  }
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (typeof v !== "number") {
      throw new Error(`${fn}: ${name}[${i}] must be a number, got ${typeof v}`);
    }
    values[i] = v;
  }
  return tf.tensor1d(values, "float32");
}

/**
 * Checks tensor values with a single read-back: every tensor in `finite` must be free of
 * NaN/Infinity, every tensor in `binary` must hold only 0 and 1. Each check is reduced on the
 * backend to one scalar that is exactly 0 when it passes (Σ x·0 is NaN as soon as one x is
 * NaN or ±∞; Σ (x·(1−x))² + Σ x·0 is 0 only for 0/1 values), the scalars are stacked, and the
 * stack is read once. Throws naming the first offending input.
 */
export function checkValues(
  fn: string,
  finite: Record<string, tf.Tensor>,
  binary: Record<string, tf.Tensor> = {},
): void {
  const names: string[] = [];
  const kinds: ("finite" | "binary")[] = [];
  const flags = tf.tidy(() => {
    const parts: tf.Scalar[] = [];
    for (const [name, t] of Object.entries(finite)) {
      names.push(name);
      kinds.push("finite");
      parts.push(tf.sum(tf.mul(tf.cast(t, "float32"), 0)));
    }
    for (const [name, t] of Object.entries(binary)) {
      names.push(name);
      kinds.push("binary");
      const x = tf.cast(t, "float32");
      parts.push(tf.add(tf.sum(tf.square(tf.mul(x, tf.sub(1, x)))), tf.sum(tf.mul(x, 0))));
    }
    return tf.stack(parts);
  });
  const values = flags.dataSync();
  flags.dispose();
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0) {
      throw new Error(
        kinds[i] === "finite"
          ? `${fn}: ${names[i]} contains NaN or Infinity; expected finite numbers`
          : `${fn}: ${names[i]} must hold only 0 (different) and 1 (similar)`,
      );
    }
  }
}
