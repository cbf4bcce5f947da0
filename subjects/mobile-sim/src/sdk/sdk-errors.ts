/**
 * A failed SDK call, as the native SDKs report it to the app's failure callback: a code (Intercom's
 * numeric error code, or the API's error code such as `hmac_mismatch`) and a sentence.
 */
export class IntercomSdkError extends Error {
  constructor(
    readonly code: string | number,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }

  /** One line for the app's status bar, e.g. `3002: We already have a registered user…`. */
  describe(): string {
    return `${this.httpStatus ? `HTTP ${this.httpStatus} ` : ''}${this.code}: ${this.message}`;
  }
}
