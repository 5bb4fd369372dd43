/** Dialog ids, one place: conversation tests and saved dialog state refer to them. */
export const DialogIds = {
  main: 'mainDialog',
  mainWaterfall: 'mainWaterfall',
  clarify: 'clarifyDialog',
  knowledge: 'knowledgeDialog',
  knowledgeWaterfall: 'knowledgeWaterfall',
  knowledgeFeedback: 'knowledgeFeedbackPrompt',
  handoff: 'handoffDialog',
  handoffWaterfall: 'handoffWaterfall',
  handoffText: 'handoffTextPrompt',
  handoffContact: 'handoffContactPrompt',
  handoffOffer: 'handoffOfferPrompt',
  handoffAbout: 'handoffAboutPrompt',
  handoffConfirm: 'handoffConfirmPrompt',
  resumeOffer: 'resumeOfferDialog',
} as const;
