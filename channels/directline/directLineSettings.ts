/** How the web page reaches the bot: the built-in Direct Line, or Azure Bot Service's (read from the environment by bot/config.ts). */
export interface DirectLineSettings {
  mode: 'local' | 'azure';
  /** Lets other Direct Line clients use the local Direct Line; unset = open (development). */
  secret?: string;
  azureSecret?: string;
  /** Azure Direct Line base URL, e.g. https://europe.directline.botframework.com/v3/directline. */
  azureEndpoint: string;
  /** Local conversations untouched this many days are deleted. */
  retentionDays: number;
  /** The local stream closed with no reconnect for this long: the resident has left (DIRECT_LINE_LEAVE_GRACE_MS). */
  leaveGraceMs: number;
  /** Behind a reverse proxy: rate-limit by the address it puts last in X-Forwarded-For. */
  trustProxy: boolean;
}

/** What the web chat reads of the configuration: the Direct Line settings and the bot's Microsoft app id. */
export interface WebChatSettings {
  directLine: DirectLineSettings;
  botFramework: { MicrosoftAppId?: string };
}
