// Types for ml-logistic-regression (it ships none): the parts the training script uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: unknown[];
    train(features: Matrix, target: Matrix): void;
  }
}
