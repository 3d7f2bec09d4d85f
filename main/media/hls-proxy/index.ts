export { createHlsProxy, ENTRY_REF, type HlsProxyDeps, type ProxyRequest } from './hls-proxy';
