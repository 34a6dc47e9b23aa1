// Whether CHATWORK_API_TOKEN from the environment may become the stored token. No `vscode`, so the
// unit tests drive it against the emulator. A repository's dev container (or any process that
// starts VS Code) can set the variable: imported silently, it would sign the user into someone
// else's account. So it is imported without asking only where that is the point — a development or
// test host (`npm run demo`, the test suites) — and otherwise only after the user confirmed the
// account it belongs to, by name from GET /me.

import { ExtensionModes } from '../common/exportedApi';

export interface EnvironmentTokenPolicy {
  /** vscode.ExtensionMode of the running extension. */
  readonly extensionMode: number;
  /** GET /me with the candidate token: the account's display name (throws when refused). */
  accountNameOf(token: string): Promise<string>;
  /** Asks the user whether to sign in as `accountName`; true only on an explicit yes. */
  confirm(accountName: string): Promise<boolean>;
}

/** The token to store, or undefined to leave secret storage alone. Never throws. */
export async function environmentTokenToImport(candidate: string | undefined, alreadyStored: boolean, policy: EnvironmentTokenPolicy): Promise<string | undefined> {
  const token = candidate?.trim();
  if (!token || alreadyStored) return undefined;
  if (policy.extensionMode === ExtensionModes.Development || policy.extensionMode === ExtensionModes.Test) return token;
  try {
    const name = await policy.accountNameOf(token);
    return (await policy.confirm(name)) ? token : undefined;
  } catch {
    // A token Chatwork refuses (or that cannot be checked now) is not imported and not asked about.
    return undefined;
  }
}

/** The candidate, when this host may import it before anything else reads the token store. */
export function silentlyImportable(candidate: string | undefined, extensionMode: number): string | undefined {
  const trusted = extensionMode === ExtensionModes.Development || extensionMode === ExtensionModes.Test;
  return trusted ? candidate?.trim() || undefined : undefined;
}
