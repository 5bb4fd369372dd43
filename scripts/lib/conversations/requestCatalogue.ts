import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SERVICE_DIALOG_IDS } from '../../../bot/serviceFeature';
import { Intents } from '../../../intents/catalogue';
import { shippedIntentMessages, type IntentMessages } from '../../../knowledge/intentMessages';

/** A request as the conversation files name it, and how the app knows it. */
export interface RequestEntry {
  intent: string;
  /** Dialog ids that carry it on (the outer interruptible dialog and its slots). */
  dialogIds: string[];
  /** Names a button offering it may carry: the intent's label ("Report a missed bin") and the back office's service name. */
  names: string[];
}

const INTENT_OF: Record<string, string> = {
  missed_bin: Intents.reportMissedBin,
  bulky_waste: Intents.bookBulkyWaste,
  pothole: Intents.reportPothole,
  flytipping: Intents.reportFlytipping,
  streetlight: Intents.reportStreetlight,
  bin_day: Intents.binCollectionDay,
  case_status: Intents.checkCaseStatus,
};

/** Request names (missed_bin…) → intents (report_missed_bin…), their dialogs and display names; intent names are accepted as they are. */
export class RequestCatalogue {
  private readonly serviceNames = new Map<string, string>();

  /** `servicesDir`: the built-in back office's definitions (services/*.yaml), for service names. */
  constructor(
    servicesDir: string,
    private readonly intentWords: IntentMessages = shippedIntentMessages(),
  ) {
    for (const file of fs.readdirSync(servicesDir).filter((f) => f.endsWith('.yaml'))) {
      const def = parse(fs.readFileSync(path.join(servicesDir, file), 'utf8')) as { service_code?: string; service_name?: string } | null;
      if (def?.service_code && def.service_name) this.serviceNames.set(def.service_code, def.service_name);
    }
  }

  find(name: string): RequestEntry | undefined {
    const intent = INTENT_OF[name] ?? (Object.values(INTENT_OF).includes(name) ? name : undefined);
    if (!intent) return undefined;
    const code = Object.entries(INTENT_OF).find(([, i]) => i === intent)![0];
    const dialogIds =
      intent === Intents.binCollectionDay
        ? [SERVICE_DIALOG_IDS.binDay, SERVICE_DIALOG_IDS.binDaySlots]
        : intent === Intents.checkCaseStatus
          ? [SERVICE_DIALOG_IDS.caseStatus, SERVICE_DIALOG_IDS.caseStatusSlots]
          : [SERVICE_DIALOG_IDS.request(intent), SERVICE_DIALOG_IDS.requestSlots(intent)];
    const names = [this.intentWords.label(intent), this.serviceNames.get(code)].filter((n): n is string => !!n);
    return { intent, dialogIds, names };
  }
}
