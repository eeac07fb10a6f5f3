import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { node24Path } from '../../scripts/node24.mjs'
import { settleOnDrain } from '../../src/cxone/drain-guard.js'
import { ROOT } from '../helpers.js'

/** The guard against a silent end: what node does when nothing is left that could settle a run. */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined)
/** What node does when its event loop has drained (tests cannot drain jest's). */
const drain = (): boolean => process.emit('beforeExit', 0)

test('a real drained event loop: the pending work is rescued, and the process ends after it', async () => {
  // node 24 runs the module as it is (type stripping); it imports nothing.
  const script = `import('./src/cxone/drain-guard.ts').then(({ settleOnDrain }) =>
    settleOnDrain(new Promise(() => {}), async () => 'rescued').then(v => console.log(v)))`
  const { stdout } = await promisify(execFile)(node24Path, ['--input-type=module', '-e', script], {
    cwd: ROOT
  })
  expect(stdout).toBe('rescued\n')
})

test('work that settles by itself is its own outcome and leaves no listener behind', async () => {
  const before = process.listenerCount('beforeExit')
  await expect(settleOnDrain(Promise.resolve('done'), async () => 'rescued')).resolves.toBe('done')
  await expect(
    settleOnDrain(Promise.reject(new Error('failed')), async () => 'rescued')
  ).rejects.toThrow('failed')
  expect(process.listenerCount('beforeExit')).toBe(before)
  expect(drain()).toBe(false)
})

test('the innermost pending work is rescued first; a rescue that stalls hands over outwards', async () => {
  let innerRescues = 0
  let innerGuarded: () => void = () => undefined
  const guarded = new Promise<void>(resolve => (innerGuarded = resolve))
  // As in a run: the inner work (a publish) is guarded after the outer (the run) has begun.
  const work = async (): Promise<string> => {
    await null
    const inner = settleOnDrain(never<string>(), () => {
      innerRescues++
      return never<string>()
    })
    innerGuarded()
    return inner
  }
  const outer = settleOnDrain(work(), async () => 'outer rescued')
  await guarded
  drain()
  expect(innerRescues).toBe(1)
  drain()
  expect(await outer).toBe('outer rescued')
  expect(innerRescues).toBe(1)
})
