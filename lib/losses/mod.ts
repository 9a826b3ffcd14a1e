/**
 * Contrastive losses on tfjs tensors: pairwise contrastive, triplet, batch-hard triplet,
 * NT-Xent (SimCLR) and SupCon, plus the distance helpers they share.
 *
 * @module
 */
export { contrastiveLoss } from "./contrastive.ts";
export { tripletLoss } from "./triplet.ts";
export { batchHardTripletLoss } from "./batch_hard_triplet.ts";
export { ntXentLoss } from "./nt_xent.ts";
export { supConLoss } from "./supcon.ts";
export { LOSS_DEFAULTS, type LossOptions } from "./options.ts";
export type { LabelsLike } from "./validate.ts";
export {
  DISTANCE_EPSILON,
  euclideanPairwiseDistances,
  euclideanRowDistances,
  l2NormalizeRows,
  squaredPairwiseDistances,
  squaredRowDistances,
} from "./distances.ts";
