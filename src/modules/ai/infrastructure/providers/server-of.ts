/** `server.address` and `server.port` of a base URL (OpenTelemetry's attributes). */
export function serverOf(baseURL: string): { address: string; port: number | null } {
  try {
    const url = new URL(baseURL);
    return { address: url.hostname, port: url.port ? Number(url.port) : null };
  } catch {
    return { address: baseURL, port: null };
  }
}
