import { Sandbox } from './sandbox.js'

// Started before the rest of the action loads, so the child's start-up overlaps ours.
const sandbox = Sandbox.start()
const { run } = await import('./main.js')
await run(sandbox)
