import { ProblemsError } from '../../src/errors.js'
import { parseDependencyManifest } from '../../src/validate/manifest.js'
import {
  emptyRules,
  judgeDependencies,
  judgeRequires,
  packageNameOf,
  parsePolicy
} from '../../src/validate/policy.js'
import { fileOf } from '../helpers.js'

async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  return undefined
}

async function verdictOf(version: string, range: string): Promise<string> {
  const rules = await parsePolicy(
    fileOf('policy.json', JSON.stringify({ allowedVersions: { pkg: range } })),
    'sandbox'
  )
  return judgeDependencies([{ name: 'pkg', version }], rules, 'deps.json')[0]!.verdict
}

describe('allowedVersions are judged as real semver ranges', () => {
  // The tutorial's prefix regex got the first rows wrong: 4.10.0 "matched" ~4.1.0.
  test.each([
    ['4.10.0', '~4.1.0', 'outside range'],
    ['4.1.9', '~4.1.0', 'allowed'],
    ['4.10.0', '4.1.x', 'outside range'],
    ['1.60.0', '~1.6.0', 'outside range'],
    ['1.60.0', '1.6.x', 'outside range'],
    ['1.60.0', '^1.6.0', 'allowed'],
    ['2.0.0', '^1.6.0', 'outside range'],
    ['0.3.0', '^0.2.1', 'outside range'],
    ['1.2.4-beta.1', '^1.2.0', 'outside range'],
    ['4.17.21', '>=4.17.0 <5', 'allowed'],
    ['4.17.21', '4.17.20 || 4.17.21', 'allowed'],
    ['4.17.19', '4.17.20 || 4.17.21', 'outside range']
  ])('%s against %s is %s', async (version, range, expected) => {
    expect(await verdictOf(version, range)).toBe(expected)
  })
})

describe('policy file', () => {
  const policy = fileOf(
    'policy.yml',
    [
      'allowedVersions:',
      '  lodash: ^4.17.0',
      'blockedPackages:',
      '  - request',
      'environments:',
      '  production:',
      '    allowedVersions:',
      '      lodash: ~4.17.21',
      '    blockedPackages:',
      '      - axios',
      ''
    ].join('\n'),
    'dependency-policy'
  )
  const deps = [
    { name: 'lodash', version: '4.17.20', line: 3 },
    { name: 'axios', version: '1.7.9', line: 4 },
    { name: 'request', version: '2.88.2', line: 5 },
    { name: 'uuid', version: '9.0.0', line: 6 }
  ]

  test('environment rules add to the top-level ones', async () => {
    const sandbox = judgeDependencies(deps, await parsePolicy(policy, 'sandbox'), 'deps.yml')
    expect(sandbox.map(v => v.verdict)).toEqual([
      'allowed',
      'unrestricted',
      'blocked',
      'unrestricted'
    ])
    const production = judgeDependencies(deps, await parsePolicy(policy, 'production'), 'deps.yml')
    expect(production.map(v => v.verdict)).toEqual([
      'outside range',
      'blocked',
      'blocked',
      'unrestricted'
    ])
    expect(production[0]!.reason).toBe('4.17.20 does not satisfy ~4.17.21 (production)')
    expect(production[1]!.location).toEqual({ file: 'deps.yml', line: 4 })
  })

  test('an unknown environment applies only the top-level rules', async () => {
    const verdicts = judgeDependencies(deps, await parsePolicy(policy, undefined), 'deps.yml')
    expect(verdicts.map(v => v.verdict)).toEqual([
      'allowed',
      'unrestricted',
      'blocked',
      'unrestricted'
    ])
  })

  test('no policy: every exact version is unrestricted', () => {
    expect(
      judgeDependencies(deps, emptyRules('production'), 'deps.yml').map(v => v.verdict)
    ).toEqual(['unrestricted', 'unrestricted', 'unrestricted', 'unrestricted'])
  })

  test.each([
    [
      'a misspelt key',
      'allowedVersion:\n  lodash: ^4\n',
      1,
      "unknown key 'allowedVersion'; did you mean 'allowedVersions'?"
    ],
    [
      'an invalid range',
      'allowedVersions:\n  lodash: "not a range"\n',
      2,
      'not a valid semver range'
    ],
    ['an empty range', 'allowedVersions:\n  lodash: ""\n', 2, 'not a valid semver range'],
    ['an unknown environment', 'environments:\n  staging: {}\n', 2, "unknown key 'staging'"],
    ['a misspelt environment', 'environments:\n  prodution: {}\n', 2, "did you mean 'production'?"],
    ['broken YAML', 'allowedVersions:\n  lodash: [^4\n', 3, 'not valid JSON or YAML'],
    ['a duplicate key', 'allowedVersions:\n  a: ^1\n  a: ^2\n', 3, "the key 'a' is given twice"]
  ])('%s is reported at its line', async (_name, text, line, message) => {
    const error = await thrown(() =>
      parsePolicy(fileOf('policy.yml', text, 'dependency-policy'), 'sandbox')
    )
    expect(error).toBeInstanceOf(ProblemsError)
    const [problem] = (error as ProblemsError).problems
    expect(problem!.message).toContain("Input 'dependency-policy'")
    expect(problem!.message).toContain(message)
    expect(problem!.location).toMatchObject({ file: 'policy.yml', line })
  })
})

describe('dependency manifest', () => {
  test('a plain JSON map', async () => {
    const { dependencies, problems } = await parseDependencyManifest(
      fileOf('deps.json', '{\n  "lodash": "4.17.21",\n  "axios": "1.7.9"\n}\n')
    )
    expect(problems).toEqual([])
    expect(dependencies).toEqual([
      { name: 'lodash', version: '4.17.21', line: 2 },
      { name: 'axios', version: '1.7.9', line: 3 }
    ])
  })

  test('a YAML map', async () => {
    const { dependencies } = await parseDependencyManifest(
      fileOf('deps.yml', '# pinned\nlodash: 4.17.21\n')
    )
    expect(dependencies).toEqual([{ name: 'lodash', version: '4.17.21', line: 2 }])
  })

  test('a package.json: only its dependencies count', async () => {
    const text = JSON.stringify(
      {
        name: 'x',
        version: '1.0.0',
        dependencies: { lodash: '4.17.21' },
        devDependencies: { jest: '^30' }
      },
      null,
      2
    )
    const { dependencies, problems } = await parseDependencyManifest(
      fileOf('actions/package.json', text)
    )
    expect(problems).toEqual([])
    expect(dependencies).toEqual([{ name: 'lodash', version: '4.17.21', line: 5 }])
  })

  test('every version that is not exact is reported at its line, the rest kept', async () => {
    const { dependencies, problems } = await parseDependencyManifest(
      fileOf('deps.yml', 'lodash: ^4.17.21\naxios: 1.7.9\nuuid: latest\nleft-pad: 1\n')
    )
    expect(dependencies.map(d => d.name)).toEqual(['axios'])
    expect(problems.map(p => p.location?.line)).toEqual([1, 3, 4])
    expect(problems[0]!.message).toContain("'^4.17.21' is not an exact semver version")
  })

  test('a list instead of a map is rejected', async () => {
    await expect(parseDependencyManifest(fileOf('deps.yml', '- lodash\n'))).rejects.toThrow(
      'expected a map'
    )
  })
})

describe('required modules', () => {
  const declared = new Set(['lodash', '@acme/crm'])
  let rules: Awaited<ReturnType<typeof parsePolicy>>
  beforeAll(async () => {
    rules = await parsePolicy(
      fileOf('p.json', JSON.stringify({ blockedPackages: ['child_process', 'left-pad'] })),
      'sandbox'
    )
  })

  test('declared packages, subpaths and built-ins pass; the rest are named', () => {
    const verdicts = judgeRequires(
      [
        { specifier: 'lodash/get', line: 1 },
        { specifier: '@acme/crm/client', line: 2 },
        { specifier: 'crypto', line: 3 },
        { specifier: 'axios', line: 4 },
        { specifier: 'node:child_process', line: 5 },
        { specifier: 'left-pad', line: 6 },
        { specifier: './helpers', line: 7 },
        { specifier: 'axios', line: 8 }
      ],
      declared,
      rules,
      'a.js'
    )
    expect(verdicts.map(v => [v.name, v.verdict, v.location?.line])).toEqual([
      ['axios', 'undeclared', 4],
      ['child_process', 'blocked', 5],
      ['left-pad', 'blocked', 6],
      ['./helpers', 'undeclared', 7]
    ])
    expect(verdicts[0]!.reason).toContain('undeclared dependency')
  })

  test.each([
    ['lodash/../left-pad', "can name another package than 'lodash'"],
    ['lodash/./get', "can name another package than 'lodash'"],
    ['lodash//get', "can name another package than 'lodash'"],
    ['lodash\\..\\x', 'characters no module name needs'],
    ['lodash/%2e%2e/left-pad', 'characters no module name needs'],
    ['lodash/.\t./left-pad', 'characters no module name needs'],
    [`lodash/${'a'.repeat(210)}\u2026`, 'a module name longer than 214 characters'],
    ['data:text/javascript,export default 1', 'a URL is not a package'],
    ['https://example.com/x.js', 'a URL is not a package'],
    ['node:not-a-builtin', 'not a Node built-in module'],
    ['module', 'it loads other modules or runs code'],
    ['node:vm', 'it loads other modules or runs code'],
    ['worker_threads', 'it loads other modules or runs code'],
    ['process', 'it loads other modules or runs code']
  ])('%s is refused whatever the policy: %s', (specifier, reason) => {
    const verdicts = judgeRequires(
      [
        { specifier: 'lodash', line: 1 },
        { specifier, line: 2 }
      ],
      new Set(['lodash', 'data:text']),
      emptyRules('production'),
      'a.js'
    )
    expect(verdicts).toEqual([
      expect.objectContaining({ verdict: 'blocked', reason: expect.stringContaining(reason) })
    ])
  })

  test('a manifest names packages, not URLs or paths', async () => {
    const error = await thrown(() =>
      parseDependencyManifest(fileOf('deps.json', '{"data:text": "1.0.0", "../x": "1.0.0"}'))
    )
    expect((error as ProblemsError).problems.map(p => p.message)).toEqual([
      expect.stringContaining("'data:text' is not a package name"),
      expect.stringContaining("'../x' is not a package name")
    ])
  })

  test.each([
    ['lodash', 'lodash'],
    ['lodash/fp/get', 'lodash'],
    ['@scope/pkg', '@scope/pkg'],
    ['@scope/pkg/deep/x', '@scope/pkg'],
    ['node:fs', 'fs'],
    ['./x', './x']
  ])('%s belongs to %s', (specifier, name) => {
    expect(packageNameOf(specifier)).toBe(name)
  })
})
