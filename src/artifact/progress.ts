// The upload's progress in the log: a line about every 10 % of the bytes read, or every 10 s when it is slow.
import type { Clock, Log } from '../ports.js'

const STEP = 0.1
const EVERY_MS = 10_000
// A body under one part goes in a single request: "Uploaded" says all there is to say.
const QUIET_BELOW = 5 * 1024 * 1024

export function mib(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export class UploadProgress {
  private read = 0
  private nextShare = STEP
  private lastAt: number
  private readonly startedAt: number

  constructor(
    private readonly log: Log,
    private readonly clock: Clock,
    private readonly total: number,
    private readonly where: string
  ) {
    this.startedAt = this.lastAt = clock.now()
  }

  /** Counts bytes read from the artifact (before compression, for a directory). */
  add(bytes: number): void {
    this.read += bytes
    if (this.total < QUIET_BELOW) return
    const now = this.clock.now()
    const share = this.total > 0 ? this.read / this.total : 1
    if (share < this.nextShare && now - this.lastAt < EVERY_MS) return
    if (share >= 1 && this.nextShare > 1) return
    while (this.nextShare <= share) this.nextShare += STEP
    this.lastAt = now
    const seconds = Math.round((now - this.startedAt) / 1000)
    this.log.info(
      `Uploading ${this.where}: ${Math.min(100, Math.floor(share * 100))} % (${mib(this.read)} of ${mib(this.total)} read, ${seconds} s).`
    )
  }

  /** A restarted upload reads everything again. */
  restart(): void {
    this.read = 0
    this.nextShare = STEP
  }
}
