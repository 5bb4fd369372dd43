import { signInAgent as signIn, type AgentCaller } from '../../scripts/lib/agentSignIn';

export type AgentApi = AgentCaller<AgentBody>;

export interface QueueItem {
  id: string;
  status: string;
  priority: number;
  reasonLabel: string;
}

/** What the agent API answers, as far as these tests read it. */
export interface AgentBody {
  waiting?: QueueItem[];
  active?: QueueItem[];
  status?: string;
  endReason?: string | null;
  messages?: Array<{ sender: string; text: string }>;
  error?: string;
}

/** Signs a member of staff in through the real sign-in form; returns a caller of the agent API (cookie and CSRF token set). */
export function signInAgent(base: string, username: string, password: string): Promise<AgentApi> {
  return signIn<AgentBody>(base, username, password);
}
