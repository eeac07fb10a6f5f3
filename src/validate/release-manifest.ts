import * as z from '../zod.js'
import { Input } from '../constants.js'
import { ProblemsError, type Problem } from '../errors.js'
import { DataActionIdSchema, VersionIdSchema } from '../payload.js'
import { parseStructuredFile, pathText } from './structured-file.js'
import type { WorkspaceFile } from './workspace-file.js'

/** One data action of a release, with its version resolved. */
export interface ReleaseMember {
  dataActionId: string
  actionFile: string
  versionId: string
  dependencyManifest?: string
  /** Line of the manifest that names it. */
  line?: number
}

const MemberSchema = z.strictObject({
  dataActionId: DataActionIdSchema,
  actionFile: z.string().check(z.minLength(1, { error: 'expected a path' })),
  versionId: z.optional(VersionIdSchema),
  dependencyManifest: z.optional(z.string().check(z.minLength(1, { error: 'expected a path' })))
})

const MembersSchema = z
  .array(MemberSchema)
  .check(z.minLength(1, { error: 'a release needs at least one data action' }))

// Strict: a misspelt key would silently drop a setting from a production release.
const ReleaseSchema = z.strictObject({
  versionId: z.optional(VersionIdSchema),
  dependencyManifest: z.optional(z.string().check(z.minLength(1, { error: 'expected a path' }))),
  dataActions: MembersSchema
})

/**
 * Reads a release manifest: a list of `{dataActionId, actionFile, versionId?,
 * dependencyManifest?}`, or `{versionId?, dependencyManifest?, dataActions: [...]}` whose
 * top-level values are the members' defaults. Each member's version is its own, else the
 * shared one, else `defaultVersionId` (the version-id input or the tag). A data action named
 * twice, an unknown key or (when `versionRequired`: validate mode publishes nothing) a member
 * without a version is an error at its line.
 */
export async function parseReleaseManifest(
  file: WorkspaceFile,
  defaultVersionId: string,
  versionRequired = true
): Promise<ReleaseMember[]> {
  const doc = await parseStructuredFile(file)
  const listed = Array.isArray(doc.data)
  const release = listed ? { dataActions: doc.check(MembersSchema) } : doc.check(ReleaseSchema)
  const base = listed ? [] : ['dataActions']
  const problems: Problem[] = []
  const at = (path: PropertyKey[], message: string): void => {
    const line = doc.lineOf([...base, ...path])
    problems.push({
      message: `Input '${Input.ReleaseManifest}': ${file.path}${pathText([...base, ...path])}: ${message}`,
      location: { file: file.path, ...(line ? { line } : {}) }
    })
  }
  const seen = new Map<string, number>()
  const members: ReleaseMember[] = []
  release.dataActions.forEach((member, index) => {
    const first = seen.get(member.dataActionId)
    if (first !== undefined) {
      at(
        [index, 'dataActionId'],
        `${member.dataActionId} is already in the release (entry ${first + 1})`
      )
    }
    seen.set(member.dataActionId, index)
    const versionId =
      member.versionId ??
      ('versionId' in release ? release.versionId : undefined) ??
      defaultVersionId
    if (!versionId && versionRequired) {
      at(
        [index],
        'no versionId: give one here, a shared versionId, or the version-id input (or a tag)'
      )
    }
    const dependencyManifest =
      member.dependencyManifest ??
      ('dependencyManifest' in release ? release.dependencyManifest : undefined)
    const line = doc.lineOf([...base, index])
    members.push({
      dataActionId: member.dataActionId,
      actionFile: member.actionFile,
      versionId,
      ...(dependencyManifest ? { dependencyManifest } : {}),
      ...(line ? { line } : {})
    })
  })
  if (problems.length > 0) throw new ProblemsError(problems)
  return members
}
