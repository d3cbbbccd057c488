/** UI code shared by the sidebar card and the settings page. Import from here. */
export * from './components/ErrorNotice';
export * from './components/MutationSteps';
export * from './components/PlanPreview';
export * from './explainError';
export * from './functionsClient';
export * from './goalName';
export * from './goalUnit';
export * from './identity';
export * from './money';
export * from './periods';
export * from './useMutationFlow';
export * from './useRemoteResult';
export * from './uuid';
