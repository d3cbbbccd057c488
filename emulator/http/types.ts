/** What a route handler sees of a request. */
export interface ApiRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  /** Raw text bodies (the snapshot) are sent as they are. */
  text?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });
export const noContent = (): ApiResponse => ({ status: 204 });
