// Every primitive module, in registration order.

import type { PrimFactory } from '../primitive.js';
import { binaryIoPrims } from './binary-io.js';
import { charPrims } from './chars.js';
import { exceptionPrims } from './exceptions.js';
import { hostPrims } from './host.js';
import { ioPrims } from './io.js';
import { listPrims } from './lists.js';
import { miscPrims } from './misc.js';
import { filePrims } from './files.js';
import { fileInfoPrims } from './file-info.js';
import { fxflPrims } from './numbers-fxfl.js';
import { numberPrims } from './numbers.js';
import { recordPrims } from './records.js';
import { serializationPrims } from './serialization.js';
import { stringPrims } from './strings.js';
import { symbolPrims } from './symbols.js';
import { tablePrims } from './tables.js';
import { threadPrims } from './threads.js';
import { tracePrims } from './trace.js';
import { pathPrims } from './paths.js';
import { processPrims } from './process.js';
import { backtracePrims } from './backtrace.js';
import { tcpPrims } from './tcp.js';
import { vectorPrims } from './vectors.js';
import { hvectorPrims } from './hvectors.js';

export const allPrims: PrimFactory[] = [
  numberPrims, fxflPrims, listPrims, charPrims, stringPrims, symbolPrims, vectorPrims, hvectorPrims,
  miscPrims,
  tablePrims, recordPrims, ioPrims, binaryIoPrims, filePrims, fileInfoPrims, exceptionPrims, hostPrims, threadPrims,
  serializationPrims, tracePrims, pathPrims, processPrims, backtracePrims, tcpPrims,
];
