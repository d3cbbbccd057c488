/** The HubSpot gateway: the only module that talks to HubSpot. */
export {
  type AppStore,
  createAppStore,
  FOLLOWS_KEY,
  STORE_SCHEMA,
  type StoredRecord,
  UNIQUE_KEY,
} from './app-store';
export { type CallCounter, createCallCounter } from './counting';
export { GatewayError, isGatewayError, NON_RETRYABLE_RATE_POLICIES, toAppError } from './errors';
export { createGatewayFromEnv, type GatewayEnv, instanceKeyOf } from './factory';
export * from './goal-targets-gateway';
export type { HttpRequest, HttpResponse, HubSpotHttp } from './http';
export { WRITE_ANSWERS_SHOW_STORED_VALUES } from './objects';
export { endpointKey, LIMITS, OBJECTS_PREFIX, paths, SEARCH_RATE_LIMIT } from './paths';
export { createRecordSigner, SIGNING_SECRET_NAME } from './record-signature';
export { installSimulatedTime, type SimulatedTime, simulatedTime } from './simulated-time';
export { forgetWarmInstances } from './warm-instance';
