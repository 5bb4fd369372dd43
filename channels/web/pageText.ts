import { z } from 'zod';
import { readYamlChecked } from '../../intents/yamlProblems';

const words = z.string().min(1).max(400);
const aboutAgent = words.refine((s) => s.includes('{agent}'), "must contain {agent} (the person's name)");

export const pageTextSchema = z.object({
  agentName: aboutAgent,
  agentSaid: aboutAgent,
  endChat: words.max(40),
  connectionLost: words,
  connectionBack: words,
  connectionFailed: words,
  conversationExpired: words,
  notAvailable: words,
  couldNotLoad: words,
  newConversation: words,
  saved: words,
  savedYou: words.max(40),
});

/** The words the chat page's script shows or announces (knowledge/chat-page.yaml). */
export type PageText = z.infer<typeof pageTextSchema>;

/** Reads and checks knowledge/chat-page.yaml; problems name the field. */
export function loadPageText(file: string): PageText {
  return readYamlChecked(file, pageTextSchema);
}
