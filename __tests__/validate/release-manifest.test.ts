import { ProblemsError } from '../../src/errors.js'
import { parseReleaseManifest } from '../../src/validate/release-manifest.js'
import { fileOf } from '../helpers.js'

/** Release manifest mistakes as a person makes them: one sentence each, at its own line. */
const ID = 'a1b2c3d4-e5f6-7890-abcd-000000000000'

async function problems(text: string): Promise<Array<[number | undefined, string]>> {
  try {
    await parseReleaseManifest(fileOf('release.yml', text, 'release-manifest'), 'v1')
  } catch (error) {
    return (error as ProblemsError).problems.map(p => [p.location?.line, p.message])
  }
  return []
}

const prefix = "Input 'release-manifest': release.yml"

test.each([
  [
    'a misspelt top-level key',
    `versionID: v2\ndataActions:\n  - { dataActionId: ${ID}, actionFile: a.js }\n`,
    [[1, `${prefix} at versionID: unknown key 'versionID'; did you mean 'versionId'?`]]
  ],
  [
    'a misspelt list key (not also "dataActions is missing")',
    `dataAction:\n  - { dataActionId: ${ID}, actionFile: a.js }\n`,
    [[1, `${prefix} at dataAction: unknown key 'dataAction'; did you mean 'dataActions'?`]]
  ],
  [
    'a misspelt member key (not also "actionFile is missing")',
    `dataActions:\n  - dataActionId: ${ID}\n    actionFiel: a.js\n`,
    [
      [
        3,
        `${prefix} at dataActions.[0].actionFiel: unknown key 'actionFiel'; did you mean 'actionFile'?`
      ]
    ]
  ],
  [
    'a key nothing is close to',
    `dataActions:\n  - dataActionId: ${ID}\n    actionFile: a.js\n    owner: team-a\n`,
    [[4, `${prefix} at dataActions.[0].owner: unknown key 'owner'`]]
  ],
  [
    'a missing key',
    `dataActions:\n  - dataActionId: ${ID}\n`,
    [[2, `${prefix} at dataActions.[0]: 'actionFile' is missing`]]
  ]
])('%s', async (_name, text, expected) => {
  expect(await problems(text)).toEqual(expected)
})

describe('release manifest', () => {
  const ids = [ID, 'a1b2c3d4-e5f6-7890-abcd-000000000001']
  const parse = (text: string, fallback = '') =>
    parseReleaseManifest(fileOf('release.yml', text, 'release-manifest'), fallback)
  const problems = async (
    text: string,
    fallback = ''
  ): Promise<Array<[number | undefined, string]>> => {
    try {
      await parse(text, fallback)
    } catch (error) {
      return (error as ProblemsError).problems.map(p => [p.location?.line, p.message])
    }
    return []
  }

  test('a list, each member with its own version', async () => {
    expect(await parse(`- dataActionId: ${ids[0]}\n  actionFile: a.js\n  versionId: v7\n`)).toEqual(
      [{ dataActionId: ids[0], actionFile: 'a.js', versionId: 'v7', line: 1 }]
    )
  })

  test('an object with shared defaults; members override them; the tag fills the rest', async () => {
    const members = await parse(
      [
        'dependencyManifest: deps.json',
        'dataActions:',
        `  - { dataActionId: ${ids[0]}, actionFile: a.js }`,
        `  - { dataActionId: ${ids[1]}, actionFile: b.js, versionId: hotfix, dependencyManifest: b.json }`
      ].join('\n'),
      'v3.0.0'
    )
    expect(members.map(m => [m.versionId, m.dependencyManifest])).toEqual([
      ['v3.0.0', 'deps.json'],
      ['hotfix', 'b.json']
    ])
  })

  test('duplicates, unknown keys, bad ids and missing versions are reported at their lines', async () => {
    expect(
      await problems(
        [
          `- { dataActionId: ${ids[0]}, actionFile: a.js, versionId: v1 }`,
          `- { dataActionId: ${ids[0]}, actionFile: b.js, versionId: v1 }`,
          `- { dataActionId: ${ids[1]}, actionFile: c.js }`
        ].join('\n')
      )
    ).toEqual([
      [
        2,
        `Input 'release-manifest': release.yml at [1].dataActionId: ${ids[0]} is already in the release (entry 1)`
      ],
      [
        3,
        "Input 'release-manifest': release.yml at [2]: no versionId: give one here, a shared versionId, or the version-id input (or a tag)"
      ]
    ])
    const bad = await problems(`- dataActionId: not-a-uuid\n  actionFile: a.js\n  versoinId: v1\n`)
    expect(bad.map(([line]) => line)).toEqual([3, 1])
    expect(bad.map(([, m]) => m).join(' ')).toContain(
      "unknown key 'versoinId'; did you mean 'versionId'?"
    )
    expect(bad.map(([, m]) => m).join(' ')).toContain('expected a UUID')
    expect((await problems('dataActions: []\n'))[0]?.[1]).toContain('at least one data action')
  })
})
