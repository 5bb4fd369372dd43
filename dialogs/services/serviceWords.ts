import fs from 'node:fs';
import path from 'node:path';
import { OVERLAYS, overlayFile } from '../../knowledge/localeContent';
import { readWithOverlay } from '../../knowledge/overlay';
import type { ServiceAttribute } from '../../servicerequests/open311/types';
import { parsedYaml } from '../../platform/yamlDocuments';

interface TranslatedService {
  service_code?: string;
  service_name?: string;
  service_notice?: string;
  attributes?: Array<{ code?: string; description?: string; datatype_description?: string; values?: Array<{ key?: string; name?: string }> }>;
}

/**
 * A language's words for the back office's services: the service's name, each question and each choice,
 * in place of the back office's English. GeoReport v2 has no language, so a back office sends its own words;
 * the council's translation (services/<locale>/<service>.yaml, an overlay of the built-in back office's
 * definitions, see knowledge/localeContent.ts) is matched to what it sends by service code, attribute
 * code and choice key. Anything the translation does not name stays as the back office sent it.
 */
export class ServiceWords {
  /** `englishNotices`: each service's notice as the English definition words it (what the built-in back office sends). */
  private constructor(
    private readonly byCode: ReadonlyMap<string, TranslatedService>,
    private readonly englishNotices: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** English (or a council without translations): the back office's words as they are. */
  static none(): ServiceWords {
    return new ServiceWords(new Map());
  }

  /** Every services/*.yaml with its `<locale>` overlay. */
  static load(servicesDir: string, locale: string): ServiceWords {
    const byCode = new Map<string, TranslatedService>();
    const englishNotices = new Map<string, string>();
    if (!fs.existsSync(servicesDir)) return new ServiceWords(byCode);
    for (const file of fs.readdirSync(servicesDir).filter((f) => f.endsWith('.yaml'))) {
      const english = path.join(servicesDir, file);
      if (!fs.existsSync(overlayFile(english, locale))) continue;
      const merged = readWithOverlay(english, overlayFile(english, locale), OVERLAYS.service) as TranslatedService;
      if (!merged.service_code) continue;
      byCode.set(merged.service_code, merged);
      const notice = (parsedYaml(fs.readFileSync(english, 'utf8')) as TranslatedService | null)?.service_notice;
      if (notice) englishNotices.set(merged.service_code, notice.trim());
    }
    return new ServiceWords(byCode, englishNotices);
  }

  /**
   * The back office's notice on a new report (GeoReport `service_notice`) in this language: the
   * translation's, when what the back office sent is the service's English notice (the built-in back
   * office sends the definition's); a notice a council's own back office wrote itself stays as sent.
   */
  notice(code: string, sent: string): string {
    const own = this.byCode.get(code)?.service_notice;
    return own && sent.trim() !== '' && sent.trim() === this.englishNotices.get(code) ? own : sent;
  }

  name(code: string, sent: string): string {
    return this.byCode.get(code)?.service_name ?? sent;
  }

  attributes(code: string, sent: readonly ServiceAttribute[]): ServiceAttribute[] {
    const own = this.byCode.get(code)?.attributes;
    if (!own) return [...sent];
    return sent.map((a) => {
      const t = own.find((o) => o.code === a.code);
      if (!t) return a;
      return {
        ...a,
        description: t.description ?? a.description,
        datatype_description: t.datatype_description ?? a.datatype_description,
        values: a.values?.map((v) => ({ ...v, name: t.values?.find((tv) => tv.key === v.key)?.name ?? v.name })),
      };
    });
  }
}
