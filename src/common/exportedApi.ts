// What activate() hands to every other installed extension. No `vscode`, so a unit test proves the
// production answer: the API object holds the token store and the authenticated client, so it is
// built and returned only in a test host.

/** vscode.ExtensionMode values (the enum lives in `vscode`, which this module must not import). */
export const ExtensionModes = { Production: 1, Development: 2, Test: 3 } as const;

/** The test surface when the host runs the extension's tests, nothing otherwise. */
export function exportedApi<T>(extensionMode: number, build: () => T): T | undefined {
  return extensionMode === ExtensionModes.Test ? build() : undefined;
}
