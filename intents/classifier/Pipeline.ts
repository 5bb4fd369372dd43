import { CrammerSingerSvm, type SvmOptions } from './CrammerSingerSvm';
import { FeatureExtractor, type FeatureOptions } from './FeatureExtractor';
import type { EncodedText, KeyEncoder } from './KeyEncoder';
import { LinearModel } from './LinearModel';
import { SparseMatrix } from './SparseMatrix';

/** Feature extractor plus linear model: text in, one raw score per class out. */
export class Pipeline {
  constructor(
    readonly features: FeatureExtractor,
    readonly model: LinearModel,
  ) {}

  /** docs[i] (encoded by `encoder`) has class labels[i]. */
  static fit(docs: readonly EncodedText[], encoder: KeyEncoder, labels: Int32Array, classes: number, options: FeatureOptions & SvmOptions): Pipeline {
    const features = FeatureExtractor.fit(docs, encoder, options);
    const X = SparseMatrix.fromRows(
      docs.map((d) => features.transformEncoded(d)),
      features.dimension,
    );
    features.forgetEncoding();
    const weights = CrammerSingerSvm.train(X, labels, classes, options);
    return new Pipeline(features, LinearModel.fromFeatureMajor(weights, classes, features.dimension));
  }

  scores(text: string): Float64Array {
    return this.model.scores(this.features.transform(text));
  }
}
