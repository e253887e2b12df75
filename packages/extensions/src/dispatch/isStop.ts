import { StopPropagation } from '../errors/StopPropagation.js';
import { TrellisError } from '../errors/TrellisError.js';

/** Tells whether `error` is a {@link StopPropagation} (of any copy of the package); never throws. */
export const isStop = (error: unknown): error is StopPropagation =>
  TrellisError.is(error, StopPropagation.CODE);
