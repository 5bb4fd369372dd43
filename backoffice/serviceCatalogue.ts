import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { yamlSchemaProblems } from '../intents/yamlProblems';

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

const attributeSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower case letters, digits and underscores'),
    variable: z.boolean().default(true),
    datatype: z.enum(DATATYPES),
    required: z.boolean().default(false),
    datatype_description: z.string().default(''),
    order: z.number().int().min(1),
    description: z.string().min(1),
    values: z.array(z.object({ key: z.string().min(1), name: z.string().min(1) }).strict()).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const list = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    if (list && !a.values?.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['values'], message: `a ${a.datatype} needs values` });
  });

export const serviceDefinitionSchema = z
  .object({
    service_code: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -'),
    service_name: z.string().min(1),
    description: z.string().default(''),
    group: z.string().default(''),
    keywords: z.array(z.string()).default([]),
    type: z.enum(['realtime', 'batch', 'blackbox']).default('realtime'),
    expected_days: z.number().int().min(0).default(10),
    service_notice: z.string().default(''),
    /** false: the request's place is a resident's home (a bin, a collection), so public reads leave it out. */
    publish_location: z.boolean().default(true),
    attributes: z.array(attributeSchema).default([]),
  })
  .strict();

export type ServiceFile = z.infer<typeof serviceDefinitionSchema>;

export interface CatalogueProblem {
  file: string;
  /** Where in the file, when the mistake is at a line (a misspelt key, a wrong value, YAML it cannot read). */
  line?: number;
  message: string;
}

/** The back office's services, read from `services/*.yaml`. */
export class ServiceCatalogue {
  private constructor(
    readonly services: ServiceFile[],
    readonly problems: CatalogueProblem[],
  ) {}

  static load(dir: string): ServiceCatalogue {
    const services: ServiceFile[] = [];
    const problems: CatalogueProblem[] = [];
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
      : [];
    if (!files.length) problems.push({ file: dir, message: 'no service definitions (*.yaml) found' });
    for (const name of files) {
      const file = path.join(dir, name);
      // Unknown keys are mistakes too ("service_cod:"), each named at its line.
      const { data: def, problems: own } = yamlSchemaProblems(file, fs.readFileSync(file, 'utf8'), serviceDefinitionSchema);
      if (!def) {
        problems.push(...own.map((p) => ({ file, line: p.line, message: p.message })));
        continue;
      }
      if (services.some((s) => s.service_code === def.service_code)) {
        problems.push({ file, message: `service_code ${def.service_code} is used twice` });
        continue;
      }
      const codes = new Set<string>();
      for (const a of def.attributes) {
        if (codes.has(a.code)) problems.push({ file, message: `attribute ${a.code} is listed twice` });
        codes.add(a.code);
      }
      def.attributes.sort((a, b) => a.order - b.order);
      services.push(def);
    }
    return new ServiceCatalogue(services, problems);
  }

  find(code: string): ServiceFile | undefined {
    return this.services.find((s) => s.service_code === code);
  }
}
