// The boundary that keeps the S3 client, lib-storage and yazl out of start-up: tools.ts (and what it imports)
// is a chunk of its own in the bundle (dist/main/NNN.index.js), loaded only when `artifact` is set.
import type { ArtifactTools } from './store.js'

export async function loadArtifactTools(region: string): Promise<ArtifactTools> {
  const { createArtifactTools } = await import('./tools.js')
  return createArtifactTools(region)
}
