/**
 * The Fantasy Device: a surrogate generator of drivers' EEG, ECG and GSR in four modes,
 * recorded by four different sensors in four experiments.
 *
 * @module
 */
export * from "./modes.ts";
export * from "./physiology.ts";
export * from "./schedule.ts";
export * from "./trajectory.ts";
export * from "./signals/eeg.ts";
export * from "./signals/ecg.ts";
export * from "./signals/gsr.ts";
export * from "./sensor.ts";
export * from "./presets.ts";
export * from "./experiment.ts";
export * from "./generate.ts";
export * from "./describe.ts";
export * from "./examples.ts";
