// Typed errors. Only the HTTP wrapper turns them into responses.
import { consentPurposeLabels, consentRequiredMessage, type ConsentPurpose, type ErrorCode, type FieldIssue } from '@doorstep/shared';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(details: FieldIssue[], message = '输入有误，请按提示修改') {
    super(400, 'invalid_input', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '您没有权限进行此操作') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = '找不到该记录') {
    super(404, 'not_found', message);
  }
}

/** The path is served, but not for this method: `allow` names those it is served for. */
export class MethodNotAllowedError extends AppError {
  constructor(readonly allow: string[]) {
    super(405, 'method_not_allowed', '这个接口不支持这种请求方式');
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: FieldIssue[]) {
    super(409, 'conflict', message, details);
  }
}

/** 422: the request is well-formed but a business rule refuses it (not eligible, expired, too late). */
export class RuleError extends AppError {
  constructor(message: string) {
    super(422, 'not_eligible', message);
  }
}

/** 429: too many of one request from one place in a short time. */
export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super(429, 'too_many_requests', message);
  }
}

export class UpstreamUnavailableError extends AppError {
  constructor(message = '外部服务暂时不可用，请稍后再试') {
    super(503, 'upstream_unavailable', message);
  }
}

/** A personal write without the consent it needs: 403, naming each consent missing. */
export class ConsentRequiredError extends AppError {
  constructor(missing: readonly ConsentPurpose[]) {
    super(403, 'consent_required', consentRequiredMessage(missing), missing.map((p) => ({ path: ['consents', p], message: consentPurposeLabels[p] })));
  }
}

/** A family member's proxy session on a route that stays the person's own. */
export class ProxyNotAllowedError extends AppError {
  constructor() {
    super(403, 'proxy_not_allowed', '代办时不能办理这项业务，需要本人在自己的手机上办理');
  }
}

/** A proxy session whose binding has ended (either side revoked it) or never stood. */
export class ProxyRevokedError extends AppError {
  constructor() {
    super(403, 'proxy_revoked', '代办关系已解除，不能再为对方办理');
  }
}
