import { FeatureExtractor, type FeatureOptions } from './FeatureExtractor';
import { LinearModel } from './LinearModel';
import { LinearSvm, type SvmOptions } from './LinearSvm';
import { SparseMatrix } from './SparseMatrix';

/** Feature extractor plus linear model: text in, one raw score per class out. */
export class Pipeline {
  constructor(readonly features: FeatureExtractor, readonly model: LinearModel) {}

  /** labels[i] is the class index of texts[i]. */
  static fit(texts: readonly string[], labels: Int32Array, classes: number, options: FeatureOptions & SvmOptions): Pipeline {
    const features = FeatureExtractor.fit(texts, options);
    const X = SparseMatrix.fromRows(texts.map((t) => features.transform(t)), features.dimension);
    const weights = LinearSvm.train(X, labels, classes, options);
    return new Pipeline(features, LinearModel.fromClassWeights(weights, features.dimension));
  }

  scores(text: string): Float64Array {
    return this.model.scores(this.features.transform(text));
  }
}
