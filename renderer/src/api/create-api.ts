import type { CityopsBridge } from '../../../common/contract/bridge';
import { WS_PATH } from '../../../common/contract/wire';
import { ApiClient } from './client';
import { IpcTransport } from './ipc-transport';
import { sessionTokenStore } from './session-token';
import type { Api, TokenStore } from './types';
import { WsTransport, sameOriginWsUrl } from './ws-transport';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload. */
    readonly cityops?: CityopsBridge;
  }
}

/** The one place that picks a transport: the preload bridge when present, else the page's hub. */
export function createApi(tokens: TokenStore = sessionTokenStore): Api {
  const bridge = window.cityops;
  const transport = bridge ? new IpcTransport(bridge) : new WsTransport(sameOriginWsUrl(WS_PATH), tokens);
  return new ApiClient(transport, tokens);
}
