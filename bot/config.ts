import path from 'node:path';
import { z } from 'zod';
import { isLoopbackHttp, type CluSettings } from '../intents/cluSettings';
import { packageRoot } from '../platform/packageRoot';
import type { RetentionDays } from './privacy/retentionDays';
import type { DirectLineSettings } from '../channels/directline/directLineSettings';

/** The repository root, for data that ships with the code. */
const REPO_ROOT = packageRoot(__dirname);

/** The Azure Bot app types Bot Framework accepts (also the templates' allowed values). */
export const MICROSOFT_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** A retention period in days: at least one day, at most ten years. */
function retentionDays(fallback: number) {
  return z.coerce.number().int().min(1).max(3650).default(fallback);
}

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
    INSIGHTS_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
    INSIGHTS_OPEN_DATA: z.enum(['true', 'false']).default('false'),
    MicrosoftAppType: z.enum(MICROSOFT_APP_TYPES).optional(),
    MicrosoftAppId: z.string().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppTenantId: z.string().optional(),
    COUNCIL_PROFILE: z.string().min(1).default('./knowledge/council.yaml'),
    INTENTS_DIR: z.string().min(1).default('./intents/data'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    /** production: refuses to start open to anyone (see the production rules below) unless ALLOW_UNAUTHENTICATED=true. */
    NODE_ENV: z.string().optional(),
    ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).default('false'),
    /** Every call to a Bot Framework connector (replies, proactive messages) gives up after this long. */
    CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // Web Chat and Direct Line (channels/directline, channels/web)
    DIRECT_LINE_MODE: z.enum(['local', 'azure']).default('local'),
    DIRECT_LINE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    AZURE_DIRECT_LINE_SECRET: z.string().optional(),
    AZURE_DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com/v3/directline'),
    DIRECT_LINE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** A page whose stream closed and did not come back within this long has left (its handoff ends). */
    DIRECT_LINE_LEAVE_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
    /** Who may show the assistant's pages in a frame (CSP frame-ancestors): origins and/or 'self', separated by spaces or commas. */
    ALLOWED_EMBEDDERS: z
      .string()
      .regex(
        /^\s*('?self'?|'?none'?|https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:(\d{1,5}|\*))?)(\s*[\s,]\s*('?self'?|'?none'?|https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:(\d{1,5}|\*))?))*\s*,?\s*$/,
        "must be origins such as https://www.anytown.gov.uk and/or 'self', separated by spaces or commas",
      )
      .default("'self'"),
    CLU_ENDPOINT: z.string().url('must be a URL such as https://<resource>.cognitiveservices.azure.com').optional(),
    CLU_KEY: z.string().optional(),
    CLU_PROJECT_NAME: z.string().optional(),
    CLU_DEPLOYMENT_NAME: z.string().optional(),
    CLU_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    // Contact-centre handoff (handoff/)
    CONTACT_CENTRE_CONFIG: z.string().min(1).default('./knowledge/contact-centre.yaml'),
    HANDOFF_TARGET: z.enum(['builtin', 'external']).default('builtin'),
    HANDOFF_AGENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    WELSH_FIRST_SECONDS: z.coerce.number().int().min(0).default(120),
    STAFF_SESSION_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(480),
    /** Application Insights; unset = no telemetry. A malformed value is a start-up warning, not an error. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
    /** Comma-separated Microsoft Entra tenant ids allowed to use the Teams app; unset = any tenant. */
    TEAMS_ALLOWED_TENANTS: z
      .string()
      .regex(/^\s*[0-9a-f-]{36}(\s*,\s*[0-9a-f-]{36})*\s*,?\s*$/i, 'must be a comma-separated list of tenant ids (GUIDs)')
      .optional(),
    OPEN311_BASE_URL: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'must be an http(s) URL')
      .optional(),
    OPEN311_API_KEY: z.string().min(8, 'must be at least 8 characters').optional(),
    OPEN311_JURISDICTION_ID: z.string().min(1).default('anytown.example'),
    OPEN311_FORMAT: z.enum(['json', 'xml']).default('json'),
    OPEN311_SEND_CLIENT_REFERENCE: z.enum(['true', 'false', 'auto']).default('true'),
    OPEN311_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
    SERVICES_DIR: z.string().min(1).default('./services'),
    /** Which intents file a service request, and how each is asked (knowledge/service-requests.yaml), as npm run validate reads it. */
    SERVICE_REQUESTS: z.string().min(1).default('./knowledge/service-requests.yaml'),
    GAZETTEER_DIR: z.string().min(1).default('./gazetteer'),
    WASTE_DIR: z.string().min(1).default('./waste'),
    MISSED_BIN_REPORT_DAYS: z.coerce.number().int().min(1).max(30).default(2),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5000),
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).default(2000),
    OUTBOX_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(10)
      .default(15 * 60_000),
    OUTBOX_AUTH_RETRY_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    OUTBOX_AUTH_RETRY_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(48),
    OPEN311_PUBLIC_READS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    // Retention of residents' data (bot/privacy/), in days
    RETENTION_CONVERSATION_DAYS: retentionDays(30),
    RETENTION_HANDOFF_DAYS: retentionDays(90),
    RETENTION_CALLBACK_DAYS: retentionDays(90),
    RETENTION_OUTBOX_DAYS: retentionDays(30),
    RETENTION_REQUEST_PERSONAL_DAYS: retentionDays(365),
    RETENTION_FEEDBACK_DAYS: retentionDays(730),
    RETENTION_UNANSWERED_DAYS: retentionDays(180),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.DIRECT_LINE_MODE === 'azure' && !env.AZURE_DIRECT_LINE_SECRET) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['AZURE_DIRECT_LINE_SECRET'], message: 'is required when DIRECT_LINE_MODE is azure' });
    }
    if (env.NODE_ENV === 'production' && env.ALLOW_UNAUTHENTICATED !== 'true') {
      const onPurpose = 'or set ALLOW_UNAUTHENTICATED=true to run without it on purpose';
      if (!env.MicrosoftAppId) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['MicrosoftAppId'],
          message: `is required when NODE_ENV is production: without it anyone can post activities to /api/messages (${onPurpose})`,
        });
      }
      if (env.DIRECT_LINE_MODE === 'local' && !env.DIRECT_LINE_SECRET) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['DIRECT_LINE_SECRET'],
          message: `is required when NODE_ENV is production and DIRECT_LINE_MODE is local: without it any Direct Line client can open conversations (${onPurpose})`,
        });
      }
    }
    const cluMissing = CLU_KEYS.filter((k) => !env[k]);
    if (cluMissing.length > 0 && cluMissing.length < CLU_KEYS.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['CLU'],
        message: `${cluMissing.join(', ')} ${cluMissing.length === 1 ? 'is' : 'are'} missing: set all of ${CLU_KEYS.join(', ')} to use Azure CLU, or none of them`,
      });
    }
    if (env.CLU_ENDPOINT && /^http:/i.test(env.CLU_ENDPOINT) && !isLoopbackHttp(env.CLU_ENDPOINT)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CLU_ENDPOINT'], message: 'must use https:// (plain http:// is only accepted for localhost)' });
    }
  });

/** Azure CLU is used when all of these are set. */
const CLU_KEYS = ['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT_NAME', 'CLU_DEPLOYMENT_NAME'] as const;

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
export const KEYS_NOT_SET_BY_AZURE_TEMPLATES: Readonly<Record<string, string>> = {
  DIRECT_LINE_SECRET: "only for the local Direct Line (DIRECT_LINE_MODE=local); the templates use Azure Bot Service's Direct Line",
  CLU_ENDPOINT:
    'Azure CLU is optional and needs a CLU project the council has imported and deployed first (npm run clu:export); then set the four CLU_* keys in the App Service configuration',
  CLU_KEY: 'see CLU_ENDPOINT',
  CLU_PROJECT_NAME: 'see CLU_ENDPOINT',
  CLU_DEPLOYMENT_NAME: 'see CLU_ENDPOINT',
};

export interface Config {
  port: number;
  dataDir: string;
  /** Salts the conversation hashes of insight events (insights/); without it, a random salt kept in DATA_DIR. */
  insightsSalt?: string;
  /** Publish the monthly insight figures, small counts suppressed, at /open-data/insights.json and .csv. */
  insightsOpenData: boolean;
  databaseUrl?: string;
  logLevel: RawConfig['LOG_LEVEL'];
  councilProfilePath: string;
  intentsDir: string;
  shutdownGraceMs: number;
  /** NODE_ENV=production. */
  production: boolean;
  /** ALLOW_UNAUTHENTICATED=true: production may run without MicrosoftAppId or DIRECT_LINE_SECRET (logged loudly at start). */
  allowUnauthenticated: boolean;
  /** Time limit of every call to a Bot Framework connector (CONNECTOR_TIMEOUT_MS). */
  connectorTimeoutMs: number;
  /** How the web page reaches the bot: the built-in Direct Line, or Azure Bot Service's. */
  directLine: DirectLineSettings;
  /** Azure CLU (conversational language understanding), when configured; otherwise the offline recognizer alone. */
  clu?: CluSettings;
  /** Origins (or 'self') allowed to frame the assistant's pages: the council sites that use embed.js. */
  allowedEmbedders: string[];
  handoff: {
    /** Contact-centre hours, bank holidays and canned replies (YAML). */
    contactCentrePath: string;
    /** builtin: the agent console takes handoffs; external: only the handoff.initiate event is sent. */
    target: 'builtin' | 'external';
    /** How long an agent's console may be gone before their conversations return to the queue. */
    agentTimeoutMs: number;
    /** How long a Welsh conversation is listed after the others of its priority for staff who are not Welsh speakers (handoff/welshFirst.ts). */
    welshFirstMs: number;
    staffSessionMinutes: number;
  };
  /** Application Insights connection string as given (validated when telemetry starts). */
  applicationInsightsConnectionString?: string;
  /** Tenant ids allowed in Teams; empty = any tenant. */
  teamsAllowedTenants: string[];
  /** Service requests: the Open311 GeoReport v2 back office and the data behind the built-in one. */
  services: {
    /** Unset: the built-in back office at /open311/v2 on this server. */
    open311BaseUrl?: string;
    /** Unset with the built-in back office: a random key is made at start-up. */
    open311ApiKey?: string;
    jurisdictionId: string;
    /** GeoReport v2 format the client speaks to the back office (.json or .xml routes). */
    open311Format: 'json' | 'xml';
    /** Send attribute[client_reference]; off for back offices that refuse unknown attributes; 'auto': until refused by name. */
    open311SendClientReference: boolean | 'auto';
    /** How long a call to the back office may take before it counts as not answered (its outcome unknown for a POST). */
    open311TimeoutMs: number;
    servicesDir: string;
    /** knowledge/service-requests.yaml, or the council's own (SERVICE_REQUESTS). */
    requestConfigPath: string;
    gazetteerDir: string;
    wasteDir: string;
    missedBinReportDays: number;
    outboxPollMs: number;
    /** First retry delay while the back office is unavailable; doubles each attempt up to outboxRetryMaxMs. */
    outboxRetryBaseMs: number;
    outboxRetryMaxMs: number;
    /** A back office that refuses the bot itself (401/403/404: a key or URL problem) is tried again this often… */
    outboxAuthRetryMs: number;
    /** …for this long after the request was confirmed, then the request needs a person. */
    outboxAuthRetryForMs: number;
    /** Built-in back office: reads without an api_key allowed per client address per minute. */
    publicReadsPerMinute: number;
    trustProxy: boolean;
  };
  /** How long each kind of residents' data is kept, in days (the scheduled purge in bot/privacy/). */
  retention: RetentionDays;
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
  const trustProxy = e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1';
  return {
    port: e.PORT,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    insightsSalt: e.INSIGHTS_SALT,
    insightsOpenData: e.INSIGHTS_OPEN_DATA === 'true',
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    councilProfilePath: env.COUNCIL_PROFILE?.trim() ? path.resolve(cwd, e.COUNCIL_PROFILE) : path.join(REPO_ROOT, 'knowledge', 'council.yaml'),
    intentsDir: env.INTENTS_DIR?.trim() ? path.resolve(cwd, e.INTENTS_DIR) : path.join(REPO_ROOT, 'intents', 'data'),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    production: e.NODE_ENV === 'production',
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED === 'true',
    connectorTimeoutMs: e.CONNECTOR_TIMEOUT_MS,
    directLine: {
      mode: e.DIRECT_LINE_MODE,
      secret: e.DIRECT_LINE_SECRET,
      azureSecret: e.AZURE_DIRECT_LINE_SECRET,
      azureEndpoint: e.AZURE_DIRECT_LINE_ENDPOINT.replace(/\/+$/, ''),
      retentionDays: e.DIRECT_LINE_RETENTION_DAYS,
      leaveGraceMs: e.DIRECT_LINE_LEAVE_GRACE_MS,
      trustProxy,
    },
    // 'self' and 'none' are CSP keywords; .env files tend to lose the quotes, so they are optional.
    allowedEmbedders: e.ALLOWED_EMBEDDERS.split(/[\s,]+/)
      .filter(Boolean)
      .map((v) => (/^'?(self|none)'?$/.test(v) ? `'${v.replace(/'/g, '')}'` : v)),
    clu:
      e.CLU_ENDPOINT && e.CLU_KEY && e.CLU_PROJECT_NAME && e.CLU_DEPLOYMENT_NAME
        ? { endpoint: e.CLU_ENDPOINT, key: e.CLU_KEY, projectName: e.CLU_PROJECT_NAME, deploymentName: e.CLU_DEPLOYMENT_NAME, timeoutMs: e.CLU_TIMEOUT_MS }
        : undefined,
    handoff: {
      contactCentrePath: env.CONTACT_CENTRE_CONFIG?.trim()
        ? path.resolve(cwd, e.CONTACT_CENTRE_CONFIG)
        : path.join(REPO_ROOT, 'knowledge', 'contact-centre.yaml'),
      target: e.HANDOFF_TARGET,
      agentTimeoutMs: e.HANDOFF_AGENT_TIMEOUT_MS,
      welshFirstMs: e.WELSH_FIRST_SECONDS * 1000,
      staffSessionMinutes: e.STAFF_SESSION_MINUTES,
    },
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    teamsAllowedTenants: (e.TEAMS_ALLOWED_TENANTS ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
    services: {
      open311BaseUrl: e.OPEN311_BASE_URL?.replace(/\/+$/, ''),
      open311ApiKey: e.OPEN311_API_KEY,
      jurisdictionId: e.OPEN311_JURISDICTION_ID,
      open311Format: e.OPEN311_FORMAT,
      open311SendClientReference: e.OPEN311_SEND_CLIENT_REFERENCE === 'auto' ? 'auto' : e.OPEN311_SEND_CLIENT_REFERENCE === 'true',
      open311TimeoutMs: e.OPEN311_TIMEOUT_MS,
      // Unset: the data shipped with the code, wherever the process runs from.
      servicesDir: env.SERVICES_DIR?.trim() ? path.resolve(cwd, e.SERVICES_DIR) : path.join(REPO_ROOT, 'services'),
      requestConfigPath: env.SERVICE_REQUESTS?.trim() ? path.resolve(cwd, e.SERVICE_REQUESTS) : path.join(REPO_ROOT, 'knowledge', 'service-requests.yaml'),
      gazetteerDir: env.GAZETTEER_DIR?.trim() ? path.resolve(cwd, e.GAZETTEER_DIR) : path.join(REPO_ROOT, 'gazetteer'),
      wasteDir: env.WASTE_DIR?.trim() ? path.resolve(cwd, e.WASTE_DIR) : path.join(REPO_ROOT, 'waste'),
      missedBinReportDays: e.MISSED_BIN_REPORT_DAYS,
      outboxPollMs: e.OUTBOX_POLL_MS,
      outboxRetryBaseMs: e.OUTBOX_RETRY_BASE_MS,
      outboxRetryMaxMs: Math.max(e.OUTBOX_RETRY_MAX_MS, e.OUTBOX_RETRY_BASE_MS),
      outboxAuthRetryMs: e.OUTBOX_AUTH_RETRY_MINUTES * 60_000,
      outboxAuthRetryForMs: e.OUTBOX_AUTH_RETRY_HOURS * 3_600_000,
      publicReadsPerMinute: e.OPEN311_PUBLIC_READS_PER_MINUTE,
      trustProxy,
    },
    retention: {
      conversationDays: e.RETENTION_CONVERSATION_DAYS,
      handoffDays: e.RETENTION_HANDOFF_DAYS,
      callbackDays: e.RETENTION_CALLBACK_DAYS,
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      requestPersonalDays: e.RETENTION_REQUEST_PERSONAL_DAYS,
      feedbackDays: e.RETENTION_FEEDBACK_DAYS,
      unansweredDays: e.RETENTION_UNANSWERED_DAYS,
    },
    botFramework: {
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
  };
}

/**
 * What a production deployment started with ALLOW_UNAUTHENTICATED=true leaves open to anyone
 * (empty outside production, or when nothing is): the composition root logs it loudly at start.
 */
export function openInProduction(config: Config): string[] {
  if (!config.production || !config.allowUnauthenticated) return [];
  const open: string[] = [];
  if (!config.botFramework.MicrosoftAppId)
    open.push('/api/messages takes activities from anyone (no MicrosoftAppId; replies go only to loopback service URLs)');
  if (config.directLine.mode === 'local' && !config.directLine.secret)
    open.push('the local Direct Line lets any client open conversations (no DIRECT_LINE_SECRET)');
  return open;
}
