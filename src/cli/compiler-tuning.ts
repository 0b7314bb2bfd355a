// V8's tuning for the short, burst-like runs of a CLI.
import { setFlagsFromString } from 'node:v8';

/**
 * Turns off TurboFan's inlining. A build runs thousands of distinct functions for a fraction of a second each;
 * inlining makes every optimizing compile larger, and those compiles run on background threads that compete with
 * the build (and the types printer thread) for the cores. Measured at 1,000 entities: about 1 s less CPU in all,
 * with no more time on the main thread (docs/performance.md). Must run before the heavy code gets hot; compile-time
 * flags only, nothing that changes the heap or the garbage collector (those are unsafe to change in a running VM).
 */
export function tuneCompilerForShortRuns(): void {
  setFlagsFromString('--no-turbo-inlining');
}
