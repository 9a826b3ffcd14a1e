/**
 * The history the talk tells: from Siamese networks to NT-Xent, each term in two sentences
 * with its paper. Data for notebook 01's timeline and table.
 *
 * @module
 */

/** One milestone of the history. */
export interface Milestone {
  year: number;
  term: string;
  /** Two sentences: what it is and why it matters here. */
  summary: string;
  /** The paper, as authors (year), title, venue. */
  paper: string;
}

/** The milestones, in time order. */
export const HISTORY: readonly Milestone[] = [
  {
    year: 1993,
    term: "Siamese network",
    summary:
      "Two copies of one network with shared weights map two inputs to two embeddings, and a distance between them says whether the inputs match. It learns a similarity rather than a class, so it works for classes never seen in training.",
    paper:
      "Bromley, Guyon, LeCun, Säckinger, Shah (1993), Signature Verification using a “Siamese” Time Delay Neural Network, NeurIPS.",
  },
  {
    year: 2002,
    term: "Metric learning",
    summary:
      "Instead of fixing a distance (Euclidean), learn one from examples of similar and dissimilar pairs, so that the distance reflects what matters for the task. Deep metric learning does this with a network producing the embedding.",
    paper:
      "Xing, Ng, Jordan, Russell (2002), Distance Metric Learning, with Application to Clustering with Side-Information, NeurIPS.",
  },
  {
    year: 2006,
    term: "Contrastive loss",
    summary:
      "For pairs labelled similar (y = 1) or dissimilar (y = 0): L = ½·y·d² + ½·(1−y)·max(0, m − d)², pulling similar pairs together and pushing dissimilar ones at least a margin m apart. It is the loss of a Siamese network and the root of the name “contrastive learning”.",
    paper:
      "Hadsell, Chopra, LeCun (2006), Dimensionality Reduction by Learning an Invariant Mapping, CVPR.",
  },
  {
    year: 2015,
    term: "Triplet loss",
    summary:
      "An anchor should be closer to a positive (same identity) than to a negative by a margin: L = max(0, ‖a−p‖ − ‖a−n‖ + m). FaceNet trained face embeddings this way; which triplets you mine (e.g. batch-hard) matters as much as the loss.",
    paper:
      "Schroff, Kalenichenko, Philbin (2015), FaceNet: A Unified Embedding for Face Recognition and Clustering, CVPR.",
  },
  {
    year: 2018,
    term: "InfoNCE",
    summary:
      "Pick the one positive among many negatives with a softmax over similarities; minimising this cross-entropy maximises a lower bound on mutual information between views. It turns contrastive learning into classification against all other samples in the batch.",
    paper:
      "van den Oord, Li, Vinyals (2018), Representation Learning with Contrastive Predictive Coding, arXiv:1807.03748.",
  },
  {
    year: 2020,
    term: "NT-Xent (SimCLR)",
    summary:
      "Normalised-temperature cross-entropy: two augmented views of each sample, cosine similarities divided by a temperature τ, and each view must find its partner among the other 2N−1 views. With strong augmentations and no labels at all, SimCLR learnt embeddings that rival supervised ones.",
    paper:
      "Chen, Kornblith, Norouzi, Hinton (2020), A Simple Framework for Contrastive Learning of Visual Representations, ICML.",
  },
  {
    year: 2020,
    term: "Supervised contrastive",
    summary:
      "The same softmax, but every sample with the same label is a positive, so labels from any experiment can pull together windows of the same mode recorded by different sensors. It often beats cross-entropy training and is robust to noise in the input.",
    paper:
      "Khosla, Teterwak, Wang, Sarna, Tian, Isola, Maschinot, Liu, Krishnan (2020), Supervised Contrastive Learning, NeurIPS.",
  },
];
