import { isBuiltin } from 'node:module'
import satisfies from 'semver/functions/satisfies.js'
import validRange from 'semver/ranges/valid.js'
import * as z from '../zod.js'
import type { Dependency } from './manifest.js'
import { PackageNameSchema } from './manifest.js'
import type { Environment } from '../payload.js'
import type { RequiredModule } from '../sandbox/sandbox.js'
import { parseStructuredFile } from './structured-file.js'
import type { WorkspaceFile } from './workspace-file.js'

const RangeSchema = z.string({ error: 'expected a semver range such as "^4.17.0"' }).check(
  z.refine(range => range.trim() !== '' && validRange(range) !== null, {
    error: issue => `'${String(issue.input)}' is not a valid semver range`
  })
)

// Strict: a misspelt key in a policy would otherwise loosen it without a word.
const RulesSchema = z.strictObject({
  allowedVersions: z.optional(z.record(PackageNameSchema, RangeSchema)),
  blockedPackages: z.optional(z.array(PackageNameSchema))
})

const PolicySchema = z.extend(RulesSchema, {
  environments: z.optional(
    z.strictObject({ sandbox: z.optional(RulesSchema), production: z.optional(RulesSchema) })
  )
})

/** A rule and where it was written, so a verdict can say which rule decided it. */
interface Rule {
  scope: 'all environments' | Environment
  range?: string
  line?: number
}

/** The rules that apply in one environment: the top-level ones plus that environment's. */
export interface EffectiveRules {
  /** Unknown when the target environment input is invalid: then only top-level rules apply. */
  environment: Environment | undefined
  /** Every range a package must satisfy (top level and environment both). */
  ranges: Map<string, Rule[]>
  blocked: Map<string, Rule>
}

export type Verdict =
  | 'allowed'
  | 'unrestricted'
  | 'blocked'
  | 'outside range'
  | 'undeclared'
  /** Not an exact version: reported by the manifest check, listed so the table is whole. */
  | 'invalid'

export interface DependencyVerdict {
  name: string
  version?: string
  verdict: Verdict
  /** Why, in words: the range or block that decided. */
  reason: string
  /** Where the verdict points: the manifest line, or the action file line of a require. */
  location?: { file: string; line?: number }
}

export async function parsePolicy(
  file: WorkspaceFile,
  environment: Environment | undefined
): Promise<EffectiveRules> {
  const doc = await parseStructuredFile(file)
  const policy = doc.check(PolicySchema)
  const rules: EffectiveRules = { environment, ranges: new Map(), blocked: new Map() }
  const add = (
    scopeRules: z.output<typeof RulesSchema> | undefined,
    scope: Rule['scope'],
    base: string[]
  ): void => {
    for (const [name, range] of Object.entries(scopeRules?.allowedVersions ?? {})) {
      const line = doc.lineOf([...base, 'allowedVersions', name])
      const list = rules.ranges.get(name) ?? []
      list.push({ scope, range, ...(line ? { line } : {}) })
      rules.ranges.set(name, list)
    }
    scopeRules?.blockedPackages?.forEach((name, index) => {
      const line = doc.lineOf([...base, 'blockedPackages', index])
      // `node:fs` in a policy blocks `fs`, whichever spelling the code uses.
      const key = withoutNodePrefix(name)
      if (!rules.blocked.has(key)) rules.blocked.set(key, { scope, ...(line ? { line } : {}) })
    })
  }
  add(policy, 'all environments', [])
  if (environment) {
    add(policy.environments?.[environment], environment, ['environments', environment])
  }
  return rules
}

/** No policy file: nothing is blocked, every exact version is allowed. */
export function emptyRules(environment: Environment | undefined): EffectiveRules {
  return { environment, ranges: new Map(), blocked: new Map() }
}

/** Judges each declared dependency by the rules; a package may be allowed by no rule at all. */
export function judgeDependencies(
  dependencies: readonly Dependency[],
  rules: EffectiveRules,
  manifestPath: string | undefined
): DependencyVerdict[] {
  return dependencies.map(dep => {
    const location = manifestPath
      ? { file: manifestPath, ...(dep.line ? { line: dep.line } : {}) }
      : undefined
    const base = { name: dep.name, version: dep.version, ...(location ? { location } : {}) }
    const blocked = rules.blocked.get(dep.name)
    if (blocked) return { ...base, verdict: 'blocked', reason: `blocked (${blocked.scope})` }
    const ranges = rules.ranges.get(dep.name) ?? []
    const failed = ranges.find(rule => !satisfies(dep.version, rule.range ?? '*'))
    if (failed) {
      return {
        ...base,
        verdict: 'outside range',
        reason: `${dep.version} does not satisfy ${failed.range} (${failed.scope})`
      }
    }
    if (ranges.length === 0) return { ...base, verdict: 'unrestricted', reason: 'no rule' }
    return {
      ...base,
      verdict: 'allowed',
      reason: `satisfies ${ranges.map(r => `${r.range} (${r.scope})`).join(' and ')}`
    }
  })
}

/**
 * Judges what the code asks for (found in its text or asked for as it ran): each package must
 * be declared in the manifest and not blocked. Node built-ins need no declaration but can be
 * blocked; `node:fs/promises` is `fs` to the policy, as `lodash/get` is `lodash`.
 */
export function judgeRequires(
  requires: readonly RequiredModule[],
  declared: ReadonlySet<string>,
  rules: EffectiveRules,
  actionFilePath: string
): DependencyVerdict[] {
  const seen = new Set<string>()
  const verdicts: DependencyVerdict[] = []
  for (const { specifier, line } of requires) {
    const name = packageNameOf(specifier)
    const refused = refusal(specifier)
    // A refused path is judged on its own: `lodash/../left-pad` must not pass as `lodash`.
    const key = refused ? specifier : name
    if (seen.has(key)) continue
    seen.add(key)
    const location = { file: actionFilePath, ...(line ? { line } : {}) }
    const blocked = blockingRule(rules, specifier)
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      verdicts.push({
        name,
        verdict: 'undeclared',
        reason: 'a data action is a single file and cannot load local files',
        location
      })
    } else if (refused) {
      verdicts.push({ name, verdict: 'blocked', reason: refused, location })
    } else if (blocked) {
      verdicts.push({ name, verdict: 'blocked', reason: `blocked (${blocked.scope})`, location })
    } else if (isBuiltin(specifier)) {
      continue
    } else if (!declared.has(name)) {
      verdicts.push({
        name,
        verdict: 'undeclared',
        reason: 'undeclared dependency: required by the code but not in the dependency manifest',
        location
      })
    }
  }
  return verdicts
}

/**
 * Built-ins that load other modules or run code (`module.createRequire`, `vm`, a worker,
 * `process.getBuiltinModule`): any policy could be bypassed through them.
 */
const LOADER_BUILTINS = new Set([
  'module',
  'vm',
  'worker_threads',
  'repl',
  'inspector',
  'wasi',
  'process'
])

/** Why a specifier is refused whatever the policy says, if it is. */
function refusal(specifier: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) && !specifier.startsWith('node:')) {
    return 'a URL is not a package: the code would be loaded from it'
  }
  if (specifier.endsWith('\u2026')) return 'a module name longer than 214 characters'
  // What a resolver could decode or drop (`%2e%2e` is `..` to a URL) has no place in a name.
  if (!/^[A-Za-z0-9._~@+/:-]+$/.test(specifier)) {
    return 'characters no module name needs (%, spaces, controls, ? or #): a resolver could read it as another package'
  }
  if (specifier.startsWith('node:') && !isBuiltin(specifier)) return 'not a Node built-in module'
  const segments = specifier.split('/')
  if (specifier.includes('\\') || segments.some(s => s === '.' || s === '..' || s === '')) {
    return `a path with '.', '..' or empty segments can name another package than '${packageNameOf(specifier)}'`
  }
  if (isBuiltin(specifier) && LOADER_BUILTINS.has(packageNameOf(specifier))) {
    return 'it loads other modules or runs code: the dependency check cannot follow what it loads'
  }
  return undefined
}

/** The rule blocking a specifier: by its package (or built-in) name, or by the exact subpath. */
function blockingRule(rules: EffectiveRules, specifier: string): Rule | undefined {
  const bare = withoutNodePrefix(specifier)
  return rules.blocked.get(packageNameOf(specifier)) ?? rules.blocked.get(bare)
}

function withoutNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier
}

/**
 * `lodash/get` → `lodash`, `@scope/pkg/x` → `@scope/pkg`, `node:fs/promises` → `fs`: what a
 * policy names. Local paths stay as they are.
 */
export function packageNameOf(specifier: string): string {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return specifier
  const bare = withoutNodePrefix(specifier)
  const parts = bare.split('/')
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare)
}
