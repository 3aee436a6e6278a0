// The failure types live below both the framework and the transport (shared/errors.ts); operation
// modules keep importing them from the framework, the layer they build on.
export { NetworkError, UpstreamError, ValidationError } from '../shared/errors';
