import { assert, assertThrowsWith } from "../_assert.ts";
import {
  formatFloat32,
  formatFloat64,
  isNonFiniteText,
  parseDecimal,
} from "../../lib/data/number_text.ts";
import { Rng } from "../../lib/random/rng.ts";

Deno.test("formatFloat32() reads back to the identical float32 for a million random bit patterns", () => {
  const rng = new Rng(7);
  const bits = new Uint32Array(1);
  const f = new Float32Array(bits.buffer);
  let maxDigits = 0;
  for (let i = 0; i < 1_000_000; i++) {
    bits[0] = rng.nextUint32();
    if (!Number.isFinite(f[0])) continue;
    const s = formatFloat32(f[0]);
    const back = Math.fround(Number(s));
    assert.ok(Object.is(back, f[0]), `${f[0]} → '${s}' → ${back}`);
    const digits = s.replace(/e.*$/, "").replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "");
    maxDigits = Math.max(maxDigits, digits.length);
  }
  assert.ok(maxDigits <= 9, `at most 9 significant digits, saw ${maxDigits}`);
});

Deno.test("formatFloat32() uses no more digits than the shortest round-tripping precision", () => {
  const rng = new Rng(11);
  for (let i = 0; i < 20000; i++) {
    const x = Math.fround(rng.normal() * Math.pow(10, rng.int(20) - 10));
    let p = 1;
    while (Math.fround(Number(x.toPrecision(p))) !== x) p++;
    assert.equal(
      Number(formatFloat32(x)),
      Number(x.toPrecision(p)),
      `${x}: shortest has ${p} digits`,
    );
  }
});

Deno.test("formatFloat32() writes the shortest decimal for simple values", () => {
  assert.equal(formatFloat32(Math.fround(0.1)), "0.1");
  assert.equal(formatFloat32(0.5), "0.5");
  assert.equal(formatFloat32(-3), "-3");
  assert.equal(formatFloat32(0), "0");
  assert.equal(formatFloat32(-0), "-0");
  assert.equal(formatFloat32(Math.fround(1e-7)), "1e-7");
  assert.equal(formatFloat32(Math.fround(123456.789)), "123456.79");
  assert.equal(formatFloat32(Math.fround(3.4028234663852886e38)), "3.4028235e+38");
  assert.equal(formatFloat32(1.401298464324817e-45), "1e-45"); // smallest denormal
});

Deno.test("formatFloat32() throws on NaN, Infinity and non-float32 values", () => {
  assertThrowsWith(() => formatFloat32(NaN), "finite");
  assertThrowsWith(() => formatFloat32(-Infinity), "finite");
  assertThrowsWith(() => formatFloat32(0.1), "not a float32");
});

Deno.test("formatFloat64() round-trips float64 exactly and keeps -0", () => {
  const rng = new Rng(3);
  for (let i = 0; i < 10000; i++) {
    const x = (rng.uniform() - 0.5) * Math.pow(10, rng.int(40) - 20);
    assert.ok(Object.is(Number(formatFloat64(x)), x));
  }
  assert.equal(formatFloat64(1 / 256), "0.00390625");
  assert.equal(formatFloat64(-0), "-0");
  assertThrowsWith(() => formatFloat64(Infinity), "finite");
});

Deno.test("parseDecimal() accepts plain decimals and refuses what Number() would accept silently", () => {
  assert.equal(parseDecimal("12"), 12);
  assert.equal(parseDecimal("-0.5"), -0.5);
  assert.equal(parseDecimal(".25"), 0.25);
  assert.equal(parseDecimal("3."), 3);
  assert.equal(parseDecimal("1e-7"), 1e-7);
  assert.equal(parseDecimal("+2E3"), 2000);
  for (
    const bad of ["", " ", " 1", "0x10", "1,5", "NaN", "Infinity", "inf", "1e", "--1", "1e999"]
  ) {
    assert.equal(parseDecimal(bad), null, `'${bad}'`);
  }
});

Deno.test("isNonFiniteText() recognises NaN and infinities in any spelling", () => {
  for (const t of ["NaN", "nan", "inf", "-Inf", "Infinity", "+infinity"]) {
    assert.ok(isNonFiniteText(t), t);
  }
  for (const t of ["1", "x", "", "infinite"]) assert.ok(!isNonFiniteText(t), t);
});
