// The images pushed to the local service's ECR repositories: only what an ECR source action needs (which
// digest a repository's tag points to, and whether a digest was ever pushed). Pushes come from the
// control endpoint POST /_emulator/ecr/push or Emulator.pushImage, standing in for `docker push`.

export interface ImagePush {
  repositoryName: string
  imageTag?: string // default latest
  imageDigest: string // sha256:<64 hex>
}

export const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/

export class ImageRegistry {
  private readonly pushes: (Required<ImagePush> & { timeMs: number })[] = []

  /** Records a push; throws a one-line error naming the bad field. */
  push(push: ImagePush, now: number): Required<ImagePush> {
    const { repositoryName, imageTag = 'latest', imageDigest } = push ?? {}
    if (typeof repositoryName !== 'string' || !REPOSITORY_NAME.test(repositoryName) || repositoryName.length > 256)
      throw new Error('repositoryName must be an ECR repository name such as my-app or team/my-app')
    if (typeof imageTag !== 'string' || !/^[\w][\w.-]{0,127}$/.test(imageTag))
      throw new Error('imageTag must be a Docker tag such as latest')
    if (typeof imageDigest !== 'string' || !IMAGE_DIGEST.test(imageDigest))
      throw new Error('imageDigest must be sha256: followed by 64 hex digits')
    const pushed = { repositoryName, imageTag, imageDigest }
    this.pushes.push({ ...pushed, timeMs: now })
    return pushed
  }

  /** The digest a tag points to now (the latest push of that tag). */
  latest(repositoryName: string, imageTag: string): string | undefined {
    return this.pushes.findLast((p) => p.repositoryName === repositoryName && p.imageTag === imageTag)?.imageDigest
  }

  /** Whether anything was pushed to the repository (only then does the registry know what it holds). */
  knows(repositoryName: string): boolean {
    return this.pushes.some((p) => p.repositoryName === repositoryName)
  }

  holds(repositoryName: string, imageDigest: string): boolean {
    return this.pushes.some((p) => p.repositoryName === repositoryName && p.imageDigest === imageDigest)
  }

  tagOf(repositoryName: string, imageDigest: string): string | undefined {
    return this.pushes.findLast((p) => p.repositoryName === repositoryName && p.imageDigest === imageDigest)?.imageTag
  }
}
