export { HttpPlugin } from './HttpPlugin.js';
export { HTTP_SERVER, type HttpServer } from './HTTP_SERVER.js';
export { HTTP_REQUEST, type HttpExchange } from './HTTP_REQUEST.js';
export type { HttpMiddleware, HttpNext, HttpRequestContext, HttpResponse } from './HttpMiddleware.js';
export type { HttpRouter, HttpRoutes, RouteHandler } from './HttpRoutes.js';
export { HttpError, type HttpErrorOptions } from './HttpError.js';
export { HTTP_ERROR_CODES, type HttpErrorCode } from './HTTP_ERROR_CODES.js';
