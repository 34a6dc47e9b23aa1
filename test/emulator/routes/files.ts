// /rooms/{room_id}/files[/{file_id}]: list, multipart upload (≤ 5 MB), download URLs.
import { requireWriter, roomOf } from '../access';
import { badRequest, notFound } from '../errors';
import { mimeOf } from '../mime';
import { fileNotice } from '../notation';
import { list, ok, type Route } from '../router';
import { fileView } from '../views';
import { LIST_LIMIT } from './account';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const fileRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms/{room_id}/files',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const uploader = ctx.params.int('account_id');
      const files = [...ctx.state.files.values()]
        .filter((f) => f.room_id === room.room_id && (uploader === undefined || f.account_id === uploader))
        .sort((a, b) => a.file_id - b.file_id)
        .slice(0, LIST_LIMIT);
      return list(ctx, files.map((f) => fileView(ctx.state, f)));
    },
  },
  {
    method: 'POST',
    path: '/rooms/{room_id}/files',
    handler: (ctx) => {
      const room = roomOf(ctx);
      requireWriter(ctx, room);
      const part = ctx.params.parts.get('file');
      if (!part || part.filename === undefined) throw badRequest("Parameter 'file' is required");
      if (part.data.length > MAX_UPLOAD_BYTES) throw badRequest('The file is too large (5 MB at most)');
      const filename = part.filename.split(/[\\/]/).pop() || 'file';
      const contentType = part.contentType || mimeOf(filename);
      const messagePart = ctx.params.parts.get('message');
      const message = messagePart ? messagePart.data.toString('utf8') : ctx.params.string('message');
      const file_id = ctx.state.nextId('file');
      const me = ctx.me.account_id;
      const notice = ctx.state.postMessage(
        room.room_id, me, fileNotice(file_id, filename, part.data.length, contentType.startsWith('image/'), message || undefined),
      );
      ctx.state.files.set(file_id, {
        file_id, room_id: room.room_id, account_id: me, message_id: notice.message_id, filename, filesize: part.data.length,
        upload_time: notice.send_time, content_type: contentType, content: Buffer.from(part.data),
      });
      return ok({ file_id });
    },
  },
  {
    method: 'GET',
    path: '/rooms/{room_id}/files/{file_id}',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const file = ctx.state.files.get(Number(ctx.path.file_id));
      if (!file || file.room_id !== room.room_id) throw notFound('File');
      const view = fileView(ctx.state, file);
      if (ctx.params.bool('create_download_url', false)) view.download_url = ctx.env.createDownloadUrl(file.file_id);
      return ok(view);
    },
  },
];
