/**
 * `npm run bench`: Terrain beside a bare Bolt app (bench/compare.ts), then the database-level figures
 * (bench/run.ts), then the same week's digest over a growing history (bench/digest-scale.ts). Figures are
 * printed, never asserted.
 */
import { compareWithBareBolt } from './compare.js';

await compareWithBareBolt();
await import('./run.js');
await import('./digest-scale.js');
