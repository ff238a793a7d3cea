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
  testTimeout: 60000,
  // The end-to-end files mostly wait on the real clock (the local service's scripted durations, the action's polls):
  // a whole run uses about 2.5 CPU-minutes. Jest's default on a 2-core machine is one worker, which runs the files
  // one after another (the files' times add up to about 14 minutes); six side by side take under 3, with one core
  // kept busy by something else.
  maxWorkers: 6
}
