/**
 * A WebAssembly kernel that copies `count` rows between strided places of the tfjs wasm
 * backend's memory, padding each copied row with zeros before and after (bulk-memory
 * `memory.copy` / `memory.fill`): the inner loop of the conv filter gradient's patch matrix
 * (im2col), where one JavaScript call per row costs more than the copy.
 *
 * @module
 */
import { encodeModule, exportOn, I32, op } from "./wasm_encoder.ts";

// Parameters (byte offsets and byte counts): dst, src, count, dstStride, srcStride, lead,
// len, trail; local: i.
const DST = 0, SRC = 1, COUNT = 2, DSTRIDE = 3, SSTRIDE = 4, LEAD = 5, LEN = 6, TRAIL = 7;
const I = 8;

const { get, set, i32, block, loop, br, brIf } = op;

function body(): number[][] {
  return [
    block(
      loop(
        get(I),
        get(COUNT),
        op.i32GeU,
        brIf(1),
        // fill(dst, 0, lead); copy(dst + lead, src, len); fill(dst + lead + len, 0, trail)
        get(DST),
        i32(0),
        get(LEAD),
        op.memoryFill,
        get(DST),
        get(LEAD),
        op.i32Add,
        get(SRC),
        get(LEN),
        op.memoryCopy,
        get(DST),
        get(LEAD),
        op.i32Add,
        get(LEN),
        op.i32Add,
        i32(0),
        get(TRAIL),
        op.memoryFill,
        get(DST),
        get(DSTRIDE),
        op.i32Add,
        set(DST),
        get(SRC),
        get(SSTRIDE),
        op.i32Add,
        set(SRC),
        get(I),
        i32(1),
        op.i32Add,
        set(I),
        br(0),
      ),
    ),
  ];
}

/** The kernel's module bytes, for a shared (threaded build) or unshared memory. */
export function stridedRowsModule(sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  return encodeModule([{
    name: "stridedRows",
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32],
    body: body(),
  }], sharedMemory);
}

/**
 * For r = 0 … count − 1: writes `lead` zero bytes at dst + r·dstStride, then `len` bytes
 * copied from src + r·srcStride, then `trail` zero bytes (all in bytes; source and
 * destination rows must not overlap).
 */
export type StridedRows = (
  dst: number,
  src: number,
  count: number,
  dstStride: number,
  srcStride: number,
  lead: number,
  len: number,
  trail: number,
) => void;

/**
 * The kernel instantiated on `memory` (cached per memory), or null where the engine lacks
 * bulk-memory instructions.
 */
export function stridedRows(memory: WebAssembly.Memory): StridedRows | null {
  return exportOn<StridedRows>(memory, stridedRowsModule, "stridedRows");
}
