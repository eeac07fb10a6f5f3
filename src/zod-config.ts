import { z } from 'zod'

// Imported first by main.ts, before any schema is built: each schema is used a few times per
// run, and zod's compiled fast path (code generated on the first parse) costs more than it
// saves (~3 ms of a validate run). Nor does the action then generate code at all.
z.config({ jitless: true })
