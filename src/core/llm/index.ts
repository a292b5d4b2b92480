/** The model reviewer: a dispatcher, seven gate agents and a formatter over the deterministic review. */
export { reviewCardWithModel, type ChainEvent, type ModelReviewOptions } from './chain';
export { REVIEWER_DEFAULTS, DEFAULT_AZURE_API_VERSION, AZURE_SCOPE, ReviewerConfigError, configProblems, describeTarget, type ModelReviewerConfig, type ReviewerAuth, type ReviewerProvider } from './config';
export { reviewerConfigFromEnvironment, type ReviewerOverrides } from './environment';
