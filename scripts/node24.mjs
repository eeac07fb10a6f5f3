import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const NODE24_VERSION = '24.9.0'
export const NODE24_PREFIX = fileURLToPath(new URL('../node_modules/.node24', import.meta.url))
export const node24Path = join(
  NODE24_PREFIX,
  'node_modules',
  `node-${process.platform}-${process.arch}`,
  'bin',
  'node'
)
