import { readFileSync } from 'node:fs'
import semver from 'semver'

/**
 * `npm ci` warns EBADENGINE when a package installed needs another node than the one running
 * it: every package of the lock must accept every node the project supports (20 and 24).
 */
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>
}
const supported = ['20.20.2', '24.9.0']

test.each(supported)('every package installs on node %s without an engine warning', version => {
  const refusing = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .filter(([, pkg]) => {
      const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node
      return range !== undefined && !semver.satisfies(version, range)
    })
    .map(([path, pkg]) => `${path} (${(pkg.engines as { node: string }).node})`)
  expect(refusing).toEqual([])
})

test("the project's own engines accept the nodes it is tested on", () => {
  const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  for (const version of supported) expect(semver.satisfies(version, engines.node)).toBe(true)
})
