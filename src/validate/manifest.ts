import { isBuiltin } from 'node:module'
import { basename } from 'node:path'
import valid from 'semver/functions/valid.js'
import validPackageName from 'validate-npm-package-name'
import * as z from '../zod.js'
import type { Problem } from '../errors.js'
import { parseStructuredFile, pathText } from './structured-file.js'
import type { WorkspaceFile } from './workspace-file.js'

/** A dependency the data action declares, pinned to one exact version. */
export interface Dependency {
  name: string
  version: string
  /** Line of the manifest that declares it. */
  line?: number
}

export const PackageNameSchema = z.string().check(
  z.minLength(1, 'a package name cannot be empty'),
  z.maxLength(214, 'a package name has at most 214 characters'),
  z.refine(name => isBuiltin(name) || validPackageName(name).validForOldPackages, {
    error: issue =>
      `'${String(issue.input)}' is not a package name (${validPackageName(String(issue.input)).errors?.[0] ?? 'npm would refuse it'})`
  })
)

const ExactVersionSchema = z.string({ error: 'expected a version string such as "4.17.21"' }).check(
  z.refine(version => valid(version) !== null, {
    error: issue => `'${String(issue.input)}' is not an exact semver version (such as 4.17.21)`
  })
)

// Shapes only: each version is checked on its own, so one bad entry does not hide the others
// from the policy check.
const DependencyMapSchema = z.record(PackageNameSchema, z.unknown(), {
  error: 'expected a map of {package: exact version}'
})

const PackageJsonSchema = z.looseObject({ dependencies: z.optional(DependencyMapSchema) })

export interface DependencyManifest {
  /** Every package named, whatever its version (the code may require these). */
  declared: Set<string>
  /** The entries with an exact version. */
  dependencies: Dependency[]
  /** The entries without one, as written, so a report can still list them. */
  invalid: Array<{ name: string; written: string; reason: string; line?: number }>
  /** One per entry without one. */
  problems: Problem[]
}

/**
 * Reads a dependency manifest: a JSON or YAML map `{package: exact version}`, or a
 * `package.json` (recognised by its name or by a `dependencies` map), of which only
 * `dependencies` counts: those are what the data action's runtime must provide.
 */
export async function parseDependencyManifest(file: WorkspaceFile): Promise<DependencyManifest> {
  const doc = await parseStructuredFile(file)
  const isPackageJson =
    basename(file.path) === 'package.json' ||
    (isRecord(doc.data) && isRecord(doc.data.dependencies))
  const base = isPackageJson ? ['dependencies'] : []
  const map = isPackageJson
    ? (doc.check(PackageJsonSchema).dependencies ?? {})
    : doc.check(DependencyMapSchema)
  const manifest: DependencyManifest = {
    declared: new Set(Object.keys(map)),
    dependencies: [],
    invalid: [],
    problems: []
  }
  for (const [name, version] of Object.entries(map)) {
    const line = doc.lineOf([...base, name])
    const at = line === undefined ? {} : { line }
    const exact = ExactVersionSchema.safeParse(version)
    if (exact.success) {
      manifest.dependencies.push({ name, version: exact.data, ...at })
    } else {
      const reason = exact.error.issues[0]?.message ?? 'not an exact version'
      manifest.invalid.push({ name, written: writtenAs(version), reason, ...at })
      manifest.problems.push({
        message: `Input '${file.input}': ${file.path}${pathText([...base, name])}: ${reason}`,
        location: { file: file.path, ...at }
      })
    }
  }
  return manifest
}

/** A manifest value as the reader wrote it, short enough for a table cell. */
function writtenAs(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface DependencyChange {
  name: string
  live?: string
  next?: string
}

/** Packages added, removed or moved to another version, by name. */
export function dependencyChanges(
  live: Record<string, string>,
  next: Record<string, string>
): DependencyChange[] {
  // Maps, not the records: a package may be named `constructor` or `__proto__`.
  const was = new Map(Object.entries(live))
  const will = new Map(Object.entries(next))
  const names = [...new Set([...was.keys(), ...will.keys()])].sort()
  return names
    .filter(name => was.get(name) !== will.get(name))
    .map(name => ({
      name,
      ...(was.has(name) ? { live: was.get(name) } : {}),
      ...(will.has(name) ? { next: will.get(name) } : {})
    }))
}
