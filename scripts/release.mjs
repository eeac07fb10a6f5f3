// `npm run release -- 1.2.3 [--push]`: tags a release the way users pin it. Checks that the
// tree is clean, that dist/ is exactly what `npm run bundle` builds from src/, that
// CHANGELOG.md has a section for the version and package.json names it; then tags `v1.2.3` and moves the major tag `v1`
// to it. With --push, pushes both tags (the major one forced); without, prints the commands.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** The tags of a version: its own and its major's (`1.2.3` → `v1.2.3`, `v1`). */
export function releaseTags(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (!match) throw new Error(`'${version}' is not a version such as 1.2.3`)
  return { full: `v${version}`, major: `v${match[1]}` }
}

/** The changelog's section for a version (`## [1.2.3] - 2026-11-30`), or why there is none. */
export function changelogSection(changelog, version) {
  const heading = new RegExp(
    `^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`,
    'm'
  )
  const start = changelog.search(heading)
  if (start < 0) {
    throw new Error(`CHANGELOG.md has no section '## [${version}] - <date>': write one first`)
  }
  const next = changelog.indexOf('\n## ', start + 1)
  return changelog.slice(start, next < 0 ? undefined : next).trim()
}

/** package.json must say the version being released (what `npm ls` and users see). */
export function checkPackageVersion(packageJson, version) {
  const { version: declared } = JSON.parse(packageJson)
  if (declared !== version) {
    throw new Error(
      `package.json says version ${declared}, not ${version}: run 'npm version ${version} --no-git-tag-version' and commit`
    )
  }
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [version, ...flags] = process.argv.slice(2)
  const { full, major } = releaseTags(version ?? '')
  changelogSection(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version)
  checkPackageVersion(readFileSync(new URL('../package.json', import.meta.url), 'utf8'), version)
  if (git('status', '--porcelain') !== '') throw new Error('the working tree is not clean')
  execFileSync('npm', ['run', 'bundle'], { stdio: 'inherit' })
  if (git('status', '--porcelain', '--', 'dist') !== '') {
    throw new Error("dist/ differs from what 'npm run bundle' builds: commit the rebuilt dist/")
  }
  git('tag', '-a', full, '-m', `Release ${full}`)
  git('tag', '-f', '-a', major, '-m', `${major} is ${full}`)
  const push = [
    ['push', 'origin', full],
    ['push', '--force', 'origin', major]
  ]
  if (flags.includes('--push')) for (const args of push) git(...args)
  else for (const args of push) console.log(`git ${args.join(' ')}`)
  console.log(`Tagged ${full}; ${major} now points to it.`)
}
