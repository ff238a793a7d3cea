// Kept in step with package.json by a unit test; a constant avoids bundling package.json.
export const ACTION_NAME = 'codepipeline-run-action'
export const ACTION_VERSION = '1.0.0'
