// The server's REST API and WebSocket stream (docs/server.md). The login token travels in the
// HttpOnly cookie the server sets, so the page never holds it.

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public details?: FieldError[]) {
    super(message);
  }
}

export interface FieldError { field: string; message: string; line: number; column: number }

export async function request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data: any = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!res.ok) {
    const err = data?.error ?? {};
    throw new ApiError(res.status, err.code ?? 'error', err.message ?? res.statusText, err.errors);
  }
  return data as T;
}

export interface Me {
  username: string; role: string; role_label: string; agent: string; team: string;
  display_name: string; may_see_personal_data: boolean;
}

export interface StreamMessage { type: 'event' | 'snapshot'; event?: any; realtime?: any }

// Follows /api/v1/stream, reconnecting after a drop; returns a function that stops it.
export function follow(onMessage: (m: StreamMessage) => void, onState?: (live: boolean) => void): () => void {
  let ws: WebSocket | null = null;
  let stopped = false;
  let retry = 500;
  const open = () => {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(`${proto}://${location.host}/api/v1/stream`);
    ws.onopen = () => { retry = 500; onState?.(true); };
    ws.onmessage = (e) => onMessage(JSON.parse(e.data));
    ws.onclose = () => {
      onState?.(false);
      if (!stopped) setTimeout(open, retry = Math.min(retry * 2, 10000));
    };
  };
  open();
  return () => { stopped = true; ws?.close(); };
}
