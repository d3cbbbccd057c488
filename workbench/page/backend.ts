/** The page's calls to the workbench server. */
import type { FunctionCallAnswer, WorkbenchInfo } from '../shared/page-api';

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  return body;
}

export const backend = {
  info: async () => json<WorkbenchInfo>(await fetch('/__workbench/api/info')),
  /** Like HubSpot: resolves to the function's return value; rejects when the function threw. */
  async callFunction(name: string, parameters: unknown): Promise<unknown> {
    const res = await fetch(`/__workbench/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ parameters: parameters ?? {} }),
    });
    const body = await json<FunctionCallAnswer>(res);
    if (!res.ok) throw new Error(body.message ?? `App function ${name} failed (${res.status})`);
    return body.response;
  },
  async recordProperties(objectTypeId: string, objectId: string, properties: string[] | '*') {
    const q = properties === '*' ? '*' : properties.join(',');
    const res = await fetch(
      `/__workbench/api/crm/${encodeURIComponent(objectTypeId)}/${encodeURIComponent(objectId)}?properties=${encodeURIComponent(q)}`,
    );
    if (!res.ok) throw new Error(`Could not read record ${objectTypeId}/${objectId} (${res.status})`);
    return json<Record<string, string>>(res);
  },
  async reset() {
    const res = await fetch('/__workbench/api/reset', { method: 'POST' });
    if (!res.ok) throw new Error(`Reset failed (${res.status})`);
  },
};
