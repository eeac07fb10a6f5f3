import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
// @ts-expect-error: a plain script, without types
import { changelogSection, checkPackageVersion, releaseTags } from '../scripts/release.mjs'

const release = { releaseTags, changelogSection, checkPackageVersion } as {
  releaseTags: (v: string) => { full: string; major: string }
  changelogSection: (changelog: string, version: string) => string
  checkPackageVersion: (packageJson: string, version: string) => void
}

test('a release needs package.json to say its version; this one says the changelog’s latest', () => {
  expect(() => release.checkPackageVersion('{"version":"0.1.0"}', '1.0.0')).toThrow(
    "package.json says version 0.1.0, not 1.0.0: run 'npm version 1.0.0 --no-git-tag-version'"
  )
  const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8')
  const latest = /^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog)?.[1] ?? ''
  expect(() =>
    release.checkPackageVersion(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
      latest
    )
  ).not.toThrow()
})

test('a version gets its own tag and moves its major one', () => {
  expect(release.releaseTags('1.2.3')).toEqual({ full: 'v1.2.3', major: 'v1' })
  expect(() => release.releaseTags('v1.2')).toThrow("'v1.2' is not a version such as 1.2.3")
})

test('a release needs its changelog section', () => {
  const changelog =
    '# Changelog\n\n## [1.1.0] - 2026-12-01\n\n- b\n\n## [1.0.0] - 2026-11-30\n\n- a\n'
  expect(release.changelogSection(changelog, '1.1.0')).toBe('## [1.1.0] - 2026-12-01\n\n- b')
  expect(release.changelogSection(changelog, '1.0.0')).toBe('## [1.0.0] - 2026-11-30\n\n- a')
  expect(() => release.changelogSection(changelog, '1.2.0')).toThrow('write one first')
})

test("this repository's workflows do not fire on the action's own release tags", () => {
  for (const name of ['ci.yml', 'promote-data-actions.yml', 'validate-data-actions.yml']) {
    const workflow = parse(
      readFileSync(new URL(`../.github/workflows/${name}`, import.meta.url), 'utf8')
    )
    const tags: string[] = workflow.on?.push?.tags ?? []
    for (const tag of ['v1', 'v1.2.3']) {
      expect(tags.some(pattern => new RegExp(`^${pattern.replace('*', '.*')}$`).test(tag))).toBe(
        false
      )
    }
  }
})
