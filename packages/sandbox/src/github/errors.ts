/** An error answered to the client in GitHub's error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
    this.headers = headers;
    this.name = "ApiError";
  }

  toBody(): Record<string, unknown> {
    return {
      message: this.message,
      documentation_url: "https://docs.github.com/rest",
      ...this.extra,
      status: String(this.status),
    };
  }
}

export const notFound = (): ApiError => new ApiError(404, "Not Found");

export const validationFailed = (message: string, errors: Array<Record<string, unknown>> = []): ApiError =>
  new ApiError(422, message, errors.length > 0 ? { errors } : {});

export const forbidden = (message = "Resource not accessible by integration"): ApiError => new ApiError(403, message);
