// Every primitive module, in registration order.

import type { PrimFactory } from '../primitive.js';
import { exceptionPrims } from './exceptions.js';

export const allPrims: PrimFactory[] = [exceptionPrims];
