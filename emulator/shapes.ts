// Small helpers every view uses to write the model's shapes.

export const seconds = (ms: number): number => ms / 1000

/** Leaves out undefined members and empty strings, which the model's length constraints forbid. */
export const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T

export const errorDetails = (d: { errorCode?: string; errorMessage?: string }) => ({
  code: d.errorCode ?? 'JobFailed',
  message: d.errorMessage ?? 'The action failed'
})
