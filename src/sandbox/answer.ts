import * as z from '../zod.js'

/*
 * The shape of a sandbox child's answer, apart from sandbox.ts so that starting a child loads
 * no schema library: the entry point starts one before anything else of the action loads.
 */

const Position = {
  line: z.optional(z.int().check(z.positive())),
  column: z.optional(z.int().check(z.positive()))
}

/** The child is untrusted once code has run in it: its answer is parsed strictly. */
export const ChildReportSchema = z.strictObject({
  nonce: z.string(),
  format: z.optional(z.enum(['commonjs', 'module'])),
  handler: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  requires: z._default(
    z
      .array(z.strictObject({ specifier: z.string().check(z.maxLength(214)), ...Position }))
      .check(z.maxLength(256)),
    []
  ),
  problems: z._default(
    z
      .array(z.strictObject({ message: z.string().check(z.maxLength(500)), ...Position }))
      .check(z.maxLength(21)),
    []
  ),
  peakRssKb: z.optional(z.int().check(z.nonnegative())),
  failure: z.optional(
    z.strictObject({
      kind: z.enum(['syntax', 'threw', 'timeout', 'crashed']),
      message: z.string().check(z.maxLength(2000)),
      ...Position
    })
  )
})
