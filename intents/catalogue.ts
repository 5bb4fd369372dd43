/** The intent catalogue. Names are fixed: training data, CLU exports and evaluations use them. */
export const Intents = {
  greeting: 'greeting',
  goodbye: 'goodbye',
  thanks: 'thanks',
  help: 'help',
  cancel: 'cancel',
  humanHandoff: 'human_handoff',
  safeguarding: 'safeguarding',
  reportMissedBin: 'report_missed_bin',
  binCollectionDay: 'bin_collection_day',
  bookBulkyWaste: 'book_bulky_waste',
  reportFlytipping: 'report_flytipping',
  reportPothole: 'report_pothole',
  reportStreetlight: 'report_streetlight',
  checkCaseStatus: 'check_case_status',
} as const;

export const INTENT_NAMES: readonly string[] = Object.values(Intents);
