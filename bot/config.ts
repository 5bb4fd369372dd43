import path from 'node:path';
import { z } from 'zod';

/** The Azure Bot app types Bot Framework accepts (also the templates' allowed values). */
export const MICROSOFT_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/**
 * The whole runtime configuration, validated once. Only the composition root
 * (bot/index.ts) calls {@link loadConfig}; everything else receives the parts it needs.
 */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres|postgresql):\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MicrosoftAppType: z.enum(MICROSOFT_APP_TYPES).optional(),
    MicrosoftAppId: z.string().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppTenantId: z.string().optional(),
    COUNCIL_PROFILE: z.string().min(1).default('./knowledge/council.yaml'),
    INTENTS_DIR: z.string().min(1).default('./intents/data'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    // Contact-centre handoff (bot/handoff/)
    CONTACT_CENTRE_CONFIG: z.string().min(1).default('./knowledge/contact-centre.yaml'),
    HANDOFF_TARGET: z.enum(['builtin', 'external']).default('builtin'),
    HANDOFF_AGENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    STAFF_SESSION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(480),
    /** Application Insights; unset = no telemetry. A malformed value is a start-up warning, not an error. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
    /** Comma-separated Microsoft Entra tenant ids allowed to use the Teams app; unset = any tenant. */
    TEAMS_ALLOWED_TENANTS: z
      .string()
      .regex(/^\s*[0-9a-f-]{36}(\s*,\s*[0-9a-f-]{36})*\s*,?\s*$/i, 'must be a comma-separated list of tenant ids (GUIDs)')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
  });

export type RawConfig = z.infer<typeof schema>;

/** One configuration key as the schema declares it (for the deployment-template checks). */
export interface ConfigKey {
  key: string;
  /** The app falls back to a default when the key is unset. */
  hasDefault: boolean;
  /** The app starts without the key (optional or defaulted). */
  optional: boolean;
}

/** Every configuration key the app reads, from the schema itself (so new keys are included automatically). */
export function configKeys(): ConfigKey[] {
  return Object.entries(schema.innerType().shape).map(([key, type]) => ({
    key,
    hasDefault: type instanceof z.ZodDefault,
    optional: (type as z.ZodTypeAny).isOptional(),
  }));
}

/**
 * Keys without a default that a production deployment on Azure deliberately leaves out of the
 * App Service settings, with the reason. Every other key without a default must be set by the
 * templates in deploymentTemplates/ (tests/deploy checks this): when you add a key, either give it
 * a default, add it to the templates, or list it here.
 */
export const KEYS_NOT_SET_BY_AZURE_TEMPLATES: Readonly<Record<string, string>> = {};

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  logLevel: RawConfig['LOG_LEVEL'];
  councilProfilePath: string;
  intentsDir: string;
  shutdownGraceMs: number;
  handoff: {
    /** Contact-centre hours, bank holidays and canned replies (YAML). */
    contactCentrePath: string;
    /** builtin: the agent console takes handoffs; external: only the handoff.initiate event is sent. */
    target: 'builtin' | 'external';
    /** How long an agent's console may be gone before their conversations return to the queue. */
    agentTimeoutMs: number;
    staffSessionMinutes: number;
  };
  /** Application Insights connection string as given (validated when telemetry starts). */
  applicationInsightsConnectionString?: string;
  /** Tenant ids allowed in Teams; empty = any tenant. */
  teamsAllowedTenants: string[];
  /** The Bot Framework keys, passed to ConfigurationBotFrameworkAuthentication as they are. */
  botFramework: {
    MicrosoftAppType?: string;
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppTenantId?: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Treats empty strings as unset, as .env files often contain `KEY=`. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    councilProfilePath: path.resolve(cwd, e.COUNCIL_PROFILE),
    intentsDir: path.resolve(cwd, e.INTENTS_DIR),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    handoff: {
      contactCentrePath: path.resolve(cwd, e.CONTACT_CENTRE_CONFIG),
      target: e.HANDOFF_TARGET,
      agentTimeoutMs: e.HANDOFF_AGENT_TIMEOUT_MS,
      staffSessionMinutes: e.STAFF_SESSION_MINUTES,
    },
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    teamsAllowedTenants: (e.TEAMS_ALLOWED_TENANTS ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
    botFramework: {
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
  };
}
