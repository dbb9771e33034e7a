import { ApiError, isApiErrorData, METHODS } from '../shared/contract';
import type { Api, CoreEvent, Method } from '../shared/contract';
import type { AxBridge } from '../shared/contract/bridge';

declare global {
  interface Window {
    axBridge?: AxBridge;
  }
}

type Transport = {
  call(method: Method, input: unknown): Promise<unknown>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
};

const TOKEN_KEY = 'ax-token';

/** Browser mode: the token arrives once in the URL fragment, is kept for this tab, and removed from the address bar. */
function browserToken(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    const rest = window.location.hash.replace(/(^#|&)token=[\w-]+/, '$1').replace(/^#&/, '#');
    history.replaceState(null, '', window.location.pathname + (rest === '#' ? '' : rest));
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(): Transport {
  const token = browserToken();
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` };
  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      } catch {
        throw new ApiError({ code: 'internal', message: 'The workbench is not reachable. Is browser mode still running?' });
      }
      const payload = (await response.json().catch(() => null)) as { ok: boolean; value?: unknown; error?: unknown } | null;
      if (payload?.ok) return payload.value;
      if (payload && isApiErrorData(payload.error)) throw new ApiError(payload.error);
      throw new ApiError({ code: 'internal', message: `The workbench answered ${response.status}.` });
    },
    subscribe(listener) {
      const controller = new AbortController();
      void (async () => {
        while (!controller.signal.aborted) {
          try {
            const response = await fetch('/api/events', { headers, signal: controller.signal });
            const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let cut: number;
              while ((cut = buffer.indexOf('\n\n')) >= 0) {
                const frame = buffer.slice(0, cut);
                buffer = buffer.slice(cut + 2);
                if (frame.startsWith('data: ')) listener(JSON.parse(frame.slice(6)) as CoreEvent);
              }
            }
          } catch {
            // The server restarted or the tab slept: reconnect after a pause.
          }
          await new Promise((r) => setTimeout(r, 2000));
        }
      })();
      return () => controller.abort();
    },
  };
}

function ipcTransport(bridge: AxBridge): Transport {
  return {
    async call(method, input) {
      const result = await bridge.call(method, input);
      if (result.ok) return result.value;
      throw new ApiError(result.error);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

const transport: Transport = typeof window !== 'undefined' && window.axBridge ? ipcTransport(window.axBridge) : httpTransport();

export function callApi(method: Method, input?: unknown): Promise<unknown> {
  return transport.call(method, input);
}

export function subscribeToCore(listener: (event: CoreEvent) => void): () => void {
  return transport.subscribe(listener);
}

/** api.accounts.list({...}): typed end to end from the shared contract. */
export const api = METHODS.reduce<Record<string, Record<string, (input?: unknown) => Promise<unknown>>>>((groups, method) => {
  // Split at the first dot only: 'metrics.snapshots.freeze' is api.metrics['snapshots.freeze'], as the Api type says.
  const cut = method.indexOf('.');
  const group = method.slice(0, cut);
  const name = method.slice(cut + 1);
  (groups[group] ??= {})[name] = (input?: unknown) => transport.call(method, input);
  return groups;
}, {}) as unknown as Api;

export const isElectron = typeof window !== 'undefined' && Boolean(window.axBridge);
