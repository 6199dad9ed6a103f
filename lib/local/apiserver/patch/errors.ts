/**
 * The errors the patch algorithms raise, with the reason, code and wording kube-apiserver uses
 * (k8s.io/apiserver/pkg/endpoints/handlers/patch.go and fieldmanager), so kubectl prints the same
 * message against the local cluster as against a real one.
 */
import { ApiError, type FieldCause } from '../types';

/** 400 BadRequest: the patch document itself is malformed. */
export function patchBadRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/**
 * 422 Invalid as `errors.NewGenericServerResponse(422, …)` builds it: a fixed message and the
 * underlying error as an `UnexpectedServerResponse` cause. The real server answers a JSON patch
 * whose `test` fails, or whose path does not exist, this way.
 */
export function patchUnprocessable(detail: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: detail, field: '' }],
  });
}

/** 415 for a strategic merge patch on a custom resource, which the real server refuses too. */
export function strategicMergeUnsupported(): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: ' +
      'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
  );
}

/** 409 Conflict of server-side apply (`errors.NewApplyConflict`), causes built by the caller. */
export function applyConflict(message: string, causes: FieldCause[]): ApiError {
  return new ApiError(409, 'Conflict', message, { causes });
}
