/** Jest on ESM: run with NODE_OPTIONS=--experimental-vm-modules (see package.json). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/__tests__/**/*.test.ts'],
  modulePathIgnorePatterns: [
    '<rootDir>/examples/',
    '<rootDir>/dist/',
    '<rootDir>/node_modules/.node24/'
  ],
  testTimeout: 30000,
  maxConcurrency: 2,
  verbose: false
}
