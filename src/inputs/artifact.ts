// The artifact inputs (issue 21): `artifact` (a file or directory of the workspace, uploaded to the pipeline's
// S3 source), `artifact-key` (another key than the source action's) and `image-digest` (an ECR image). Each
// pins the start, or the followed execution, to exactly that artifact instead of "whatever is in the bucket".
import { InputError, type InputReader } from './readers.js'

export type ArtifactSettings =
  | {
      kind: 's3'
      /** As given: a path relative to the workspace (or absolute, inside it). */
      path: string
      /** artifact-key: replaces the source action's S3ObjectKey, and the start sends S3_OBJECT_KEY too. */
      key?: string
    }
  | { kind: 'ecr'; digest: string }

// What docker/build-push-action's `digest` output gives: the manifest's sha256, lower-case hex.
const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/
// S3 keys are 1-1024 bytes of UTF-8; control characters make keys that no tool shows or types back.
const MAX_KEY_BYTES = 1024
// eslint-disable-next-line no-control-regex -- the point is to find them
const CONTROL = /[\u0000-\u001f\u007f]/

function readKey(read: InputReader): string | undefined {
  const key = read('artifact-key')
  if (key === '') return undefined
  if (Buffer.byteLength(key) > MAX_KEY_BYTES || CONTROL.test(key) || key.startsWith('/')) {
    throw new InputError(
      `Input artifact-key '${key}' is not an S3 object key; use at most ${MAX_KEY_BYTES} bytes, no leading / and no control characters (e.g. builds/app.zip).`
    )
  }
  return key
}

function readDigest(read: InputReader): string | undefined {
  const digest = read('image-digest')
  if (digest === '') return undefined
  if (!IMAGE_DIGEST.test(digest)) {
    throw new InputError(
      `Input image-digest '${digest}' is not an image digest; pass sha256: and 64 lower-case hex digits, such as docker/build-push-action's digest output.`
    )
  }
  return digest
}

export function readArtifact(read: InputReader): ArtifactSettings | undefined {
  const path = read('artifact')
  const key = readKey(read)
  const digest = readDigest(read)
  if (path !== '' && digest) {
    throw new InputError('Inputs artifact and image-digest are both set; use one (artifact for an S3 source, image-digest for ECR).')
  }
  if (key !== undefined && path === '') {
    throw new InputError('Input artifact-key is set but artifact is not; set artifact to the file or directory to upload.')
  }
  if (digest) return { kind: 'ecr', digest }
  if (path === '') return undefined
  return { kind: 's3', path, key }
}

/** The input that names the artifact, for sentences. */
export function artifactInput(artifact: ArtifactSettings): string {
  return artifact.kind === 's3' ? 'artifact' : 'image-digest'
}

/** What the other inputs say, for the combination checks. */
export interface ArtifactCombination {
  sourceRevisionsGiven: boolean
  followsExecutionId: boolean
}

/** Refuses the inputs that contradict an artifact: it alone decides the artifact's source revision. */
export function checkArtifactCombinations(artifact: ArtifactSettings | undefined, given: ArtifactCombination): void {
  if (!artifact) return
  const input = artifactInput(artifact)
  if (given.sourceRevisionsGiven) {
    throw new InputError(
      `Inputs ${input} and source-revisions are both set; use one (${input} sends its own source revision, with COMMIT_ID for this repository's source actions).`
    )
  }
  if (given.followsExecutionId) {
    throw new InputError(
      `Inputs ${input} and execution-id are both set; use one (execution-id follows an execution that already runs its own artifact).`
    )
  }
}
