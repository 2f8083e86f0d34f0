/**
 * The difference between this device's clock and AWS's, learnt from a response's `Date` when
 * the API refuses a signature as expired or not yet current, and kept for every later call.
 */
export class ClockSkew {
  private offsetMs = 0;

  /** Reads `Date.now` at each call, so a clock that is replaced or moved is seen. */
  constructor(private readonly deviceNow: () => number = () => Date.now()) {}

  /** AWS's time as best known: the device's clock corrected by the last offset seen. */
  now(): number {
    return this.deviceNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Takes the offset from a `Date` header; false if the header cannot be read. */
  correctFrom(dateHeader: string | null): boolean {
    const serverTime = dateHeader ? Date.parse(dateHeader) : Number.NaN;
    if (Number.isNaN(serverTime)) return false;
    this.offsetMs = serverTime - this.deviceNow();
    return true;
  }
}

/**
 * API Gateway's words for a signature outside its 5-minute window: the one test of them, read by
 * the signing fetch (to correct the clock) and by the error decoder (to name the cause).
 */
export const isSkewMessage = (message: string) =>
  /Signature expired|Signature not yet current/.test(message);
