// Plain functions loaded by URI into a group: `./plugins/middleware.mjs#cors`.
export const cors = (headers) => ({ ...headers, 'access-control-allow-origin': '*' });
export const poweredBy = (headers) => ({ ...headers, 'x-powered-by': 'trellis' });
