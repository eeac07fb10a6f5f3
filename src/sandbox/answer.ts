import { z } from 'zod'

/*
 * The shape of a sandbox child's answer, apart from sandbox.ts so that starting a child loads
 * no schema library: the entry point starts one before anything else of the action loads.
 */

const Position = {
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional()
}

/** The child is untrusted once code has run in it: its answer is parsed strictly. */
export const ChildReportSchema = z.strictObject({
  nonce: z.string(),
  format: z.enum(['commonjs', 'module']).optional(),
  handler: z.string().max(100).nullable().optional(),
  requires: z
    .array(z.strictObject({ specifier: z.string().max(214), ...Position }))
    .max(256)
    .default([]),
  problems: z
    .array(z.strictObject({ message: z.string().max(500), ...Position }))
    .max(21)
    .default([]),
  peakRssKb: z.number().int().nonnegative().optional(),
  failure: z
    .strictObject({
      kind: z.enum(['syntax', 'threw', 'timeout', 'crashed']),
      message: z.string().max(2000),
      ...Position
    })
    .optional()
})
