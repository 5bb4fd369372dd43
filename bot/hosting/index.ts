/**
 * The hosting module (issue 20, "the SDK at the edge"): the one place the rest of the app gets the
 * Bot Framework adapter, its authentication, the local Direct Line's bridge onto it and telemetry
 * from. The adapter and authentication classes of `botbuilder` and everything of
 * `botframework-connector` are imported only in this folder (and the dialog base classes use
 * `botbuilder-dialogs`): ESLint's no-restricted-imports holds it (eslint.config.mjs), and
 * docs/agents-sdk.md lists what a move to the Microsoft 365 Agents SDK touches, file by file.
 */
export { CouncilAdapter, createAdapter } from './adapter';
export { DirectLineBridge } from './directLineBridge';
export { instrumentAdapter } from './telemetry/instrumentAdapter';
export { LogForwarder } from './telemetry/logForwarder';
export { RequestTelemetryModule } from './telemetry/requestTelemetryModule';
export { createTelemetry, type Telemetry } from './telemetry/telemetry';
export { TelemetryRecognizer } from './telemetry/telemetryRecognizer';
