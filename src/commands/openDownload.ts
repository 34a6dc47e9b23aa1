// Opens the byte stream of a Chatwork file. No `vscode`, so the unit tests run it against the
// emulator.

import type { ChatworkClient, DownloadedFile } from '../api';
import { ChatworkApiError } from '../api/errors';
import { l10n } from '../common/l10n';

export type DownloadClient = Pick<ChatworkClient, 'getFile' | 'downloadFile'>;

/**
 * GET files/{id}?create_download_url=1, then the URL at once: it lives 30 seconds. If the URL is
 * refused anyway (expired: 403/404/410 from the file host), a new one is asked for, once.
 */
export async function openDownload(
  client: DownloadClient,
  roomId: number,
  fileId: number,
  signal: AbortSignal,
  log: (message: string) => void = () => undefined,
): Promise<DownloadedFile> {
  const freshUrl = async (): Promise<string> => {
    const { download_url } = await client.getFile(roomId, fileId, { createDownloadUrl: true, signal });
    if (!download_url) throw new ChatworkApiError(l10n.t('Chatwork gave no download URL for this file.'), { kind: 'server' });
    return download_url;
  };
  const url = await freshUrl();
  try {
    return await client.downloadFile(url, { signal });
  } catch (error) {
    const expired = error instanceof ChatworkApiError && (error.kind === 'notFound' || error.kind === 'forbidden') && error.status !== 0;
    if (!expired) throw error;
    log(`Download URL of file ${fileId} was refused (${error.status}); asking for a new one.`);
    return client.downloadFile(await freshUrl(), { signal });
  }
}
