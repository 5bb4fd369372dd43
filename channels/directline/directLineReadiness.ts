import type { WebChatSettings } from './directLineSettings';
import type { ReadinessCheck } from '../../platform/http/readiness';

/** What App Service writes into a setting whose Key Vault reference it could not resolve (the reference itself). */
const UNRESOLVED_KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

/**
 * /readyz "directLine": can a resident's message on the web page reach the bot? Not when the
 * configuration guarantees that every turn fails, which start-up cannot refuse because the
 * assistant itself still runs (Teams, /api/messages):
 * - local mode with MicrosoftAppId: the built-in Direct Line hands activities to the bot
 *   without a Bot Framework token, which an app id makes the adapter refuse (every message 502);
 * - azure mode whose secret is still an unresolved Key Vault reference (the secret was never
 *   added to the vault, or the app cannot read it): every page token is refused.
 */
export function directLineReadiness(config: WebChatSettings): ReadinessCheck {
  const { mode, azureSecret } = config.directLine;
  return {
    name: 'directLine',
    // eslint-disable-next-line @typescript-eslint/require-await -- runReadinessChecks catches a rejection, not a synchronous throw: a check stays async
    async check() {
      if (mode === 'local' && config.botFramework.MicrosoftAppId) {
        return {
          ok: false,
          detail:
            "DIRECT_LINE_MODE is local but MicrosoftAppId is set: the built-in Direct Line cannot authenticate its residents' messages; set DIRECT_LINE_MODE=azure (with AZURE_DIRECT_LINE_SECRET)",
        };
      }
      if (mode === 'azure' && azureSecret && UNRESOLVED_KEY_VAULT_REFERENCE.test(azureSecret)) {
        return {
          ok: false,
          detail: 'AZURE_DIRECT_LINE_SECRET is an unresolved Key Vault reference: add the Direct Line secret to the vault (see docs/deploy-azure.md)',
        };
      }
      return { ok: true, detail: mode };
    },
  };
}
