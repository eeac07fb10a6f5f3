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
