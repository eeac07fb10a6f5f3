import { Sandbox } from './sandbox.js'

// A SIGUSR1 with no listener makes node open its inspector on 127.0.0.1:9229, where any
// local process could run code in this one: keep one for the whole run.
process.on('SIGUSR1', () => undefined)
// Started before the rest of the action loads, so the child's start-up overlaps ours.
const sandbox = Sandbox.start()
const { run } = await import('./main.js')
await run(sandbox)
