import { defineMessages } from './lang.ts';

/** The CLI log file's one warning (a full disk, a folder it may not write). */
export const logFileMessages = defineMessages({
  en: {
    cannotWrite: (path: string, why: string) =>
      `Cannot write the log file ${path} (${why}); the command goes on without it.`,
  },
  'zh-CN': {
    cannotWrite: (path: string, why: string) =>
      `无法写入日志文件 ${path}（${why}）；命令继续运行，但不再写入日志。`,
  },
});
