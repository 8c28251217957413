/**
 * zod's options for validating `count` values of one schema. Each issue keeps the value it is
 * about (`reportInput`, for the messages). zod compiles a fast path for an object schema the
 * first time it validates one (JavaScript generated and compiled at run time, which no code cache
 * keeps): it pays over hundreds of values, and costs more than it saves over a few (~50 ms of
 * `check` on the sample report, its config, front matter, directives and registries; ~0.15 s
 * more at 300 pages when its ~730 directives all went the generic way). So the first values go
 * zod's generic way, and from a few hundred on (a registry that long, a report's later
 * directives) the compiled one. `count`: how many values of the kind there are, or were so far.
 */
export function validationOptions(count = 1): {reportInput: true; jitless: boolean} {
  return {reportInput: true, jitless: count < compiledFrom}
}

/** From how many values of one schema zod's compiled path is used. */
const compiledFrom = 200
