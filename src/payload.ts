import * as z from './zod.js'

export const ENVIRONMENTS = ['sandbox', 'production'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

// Any 8-4-4-4-12 hex id: CXone ids need not carry an RFC 9562 version.
export const DataActionIdSchema = z.guid({
  error: 'expected a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890'
})

export const VersionIdSchema = z.string().check(
  z.regex(/^[A-Za-z0-9._-]{1,128}$/, {
    error: 'expected 1-128 characters of letters, digits, ".", "_" or "-"'
  })
)

export const EnvironmentSchema = z.enum(ENVIRONMENTS, {
  error: issue => `expected 'sandbox' or 'production', got '${String(issue.input)}'`
})

/** What identifies one promotion: which data action, which version, where. */
export const PromotionPayloadSchema = z.strictObject({
  dataActionId: DataActionIdSchema,
  versionId: VersionIdSchema,
  targetEnvironment: EnvironmentSchema
})

export type PromotionPayload = z.output<typeof PromotionPayloadSchema>
