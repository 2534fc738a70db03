/**
 * Keeps a few sample objects alive for the life of the process, so V8 keeps their hidden classes.
 *
 * V8 builds the hidden class of a class instance step by step as its fields are assigned, and
 * holds those steps only weakly: once no object has the class (every compiled catalog of the last
 * validation has been dropped, say), the garbage collector removes it, and throws away all the
 * optimized code built for it. The next validation then runs in the interpreter until the JIT has
 * compiled everything again, a third slower on big catalogs. A kept sample of each hot class,
 * with every field filled in as in real use, keeps the class and the code.
 */
const kept: object[] = [];

/** Keeps `samples` alive for the life of the process (see above). */
export function keepShapes(...samples: object[]): void {
  kept.push(...samples);
}
