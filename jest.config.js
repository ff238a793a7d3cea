// ESM all the way: @actions/core 3 and @actions/github 9 ship only ESM.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Sources import siblings as './x.js' (NodeNext); jest must find './x.ts'.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    // tsconfig's isolatedModules makes ts-jest transpile only; type checking is `npm run typecheck`'s job.
    '^.+\\.ts$': ['ts-jest', { useESM: true }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000
}
