/** Parsed JSON that a test reads field by field (answers, models, fixtures); a wrong field fails the test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type LooseJson = any
