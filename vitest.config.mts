import { defineConfig } from 'vitest/config';

/**
 * The fast tests (`npm run test:unit`): no HTTP server, database server, browser or child process,
 * and each file done in a second or two, so the whole set runs in under a minute on two cores.
 * Every other test file is in the `e2e` project (`npm run test:e2e`); `npm test` runs both.
 * A new test file is e2e until it is listed here.
 */
const UNIT = [
  'tests/azure/redact.test.ts',
  'tests/azure/telemetryEvents.test.ts',
  'tests/bot/activityCheck.test.ts',
  'tests/bot/cachingAuthentication.test.ts',
  'tests/bot/lastResort.test.ts',
  'tests/bot/redact.test.ts',
  'tests/bot/stateConflict.test.ts',
  'tests/bot/storage/statementCache.test.ts',
  'tests/bot/storage/trackedConversationState.test.ts',
  'tests/dialogs/clarifyDialog.test.ts',
  'tests/dialogs/dialogRunner.test.ts',
  'tests/dialogs/followUp.test.ts',
  'tests/dialogs/riskReplies.test.ts',
  'tests/dialogs/router.test.ts',
  'tests/dialogs/routerDecision.test.ts',
  'tests/dialogs/routerQuestions.test.ts',
  'tests/dialogs/services/addressLookup.test.ts',
  'tests/dialogs/services/answers.test.ts',
  'tests/dialogs/services/slotReader.test.ts',
  'tests/dialogs/services/slots/fields.test.ts',
  'tests/dialogs/services/slots/readers.test.ts',
  'tests/dialogs/unansweredQuestions.test.ts',
  'tests/handoff/handoffStore.test.ts',
  'tests/handoff/summarise.test.ts',
  'tests/intents/classifier/classifier.test.ts',
  'tests/intents/classifier/features.test.ts',
  'tests/intents/classifier/modelCache.test.ts',
  'tests/intents/entities/EntityExtractor.test.ts',
  'tests/intents/frustration.test.ts',
  'tests/intents/messageClauses.test.ts',
  'tests/intents/riskDetection.test.ts',
  'tests/intents/riskVotes.test.ts',
  'tests/intents/safeguardingDetector.test.ts',
  'tests/knowledge/articleLoader.test.ts',
  'tests/knowledge/knowledgeBase.test.ts',
  'tests/knowledge/knowledgeReport.test.ts',
  'tests/knowledge/messageFiles.test.ts',
  'tests/knowledge/scoredIndex.test.ts',
  'tests/knowledge/startup.test.ts',
  'tests/knowledge/textAnalyser.test.ts',
  'tests/knowledge/welshAnalysis.test.ts',
  'tests/knowledge/validateKnowledge.test.ts',
  'tests/knowledge/vocabulary.test.ts',
  'tests/open311/clientXml.test.ts',
  'tests/open311/reportMatcher.test.ts',
  'tests/privacy/privacyDoc.test.ts',
  'tests/privacy/residentSelector.test.ts',
  'tests/scripts/build.test.ts',
  'tests/scripts/expectationChecker.test.ts',
  'tests/scripts/validate.test.ts',
  'tests/services/entities.test.ts',
  'tests/services/streets.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.test.ts'], exclude: UNIT } },
    ],
  },
});
