/*
 * zod, as the action uses it: every schema is built from this module (eslint refuses `zod`
 * elsewhere). zod/mini, not the classic API: the same parser without a method table on every
 * schema; a validate run starts ~7 ms sooner (docs/benchmarks.md).
 */
import { config, locales } from 'zod/mini'

// Set before any schema is built (an importer's body runs after this one). Each schema is
// used a few times per run, and zod's compiled fast path (code generated on the first parse)
// costs more than it saves; nor does the action then generate code at all. zod/mini carries
// no messages of its own: the English ones name what a schema expected.
config({ jitless: true, ...locales.en() })

export * from 'zod/mini'
