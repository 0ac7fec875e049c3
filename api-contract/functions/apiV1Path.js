// Every operation's URL path starts with /api/v1. The combined document lists some paths relative to a path-level
// server that ends in /api/v1 (where two services answer the same path), so the server's path counts too.
export default function apiV1Path(pathItem, _options, context) {
  const key = String(context.path[context.path.length - 1]);
  const serverUrl = pathItem?.servers?.[0]?.url;
  const base = serverUrl ? new URL(serverUrl, 'http://server').pathname.replace(/\/$/, '') : '';
  const full = base + key;
  if (/^\/api\/v1(\/|$)/.test(full)) return;
  return [{ message: `${full} is not under /api/v1` }];
}
