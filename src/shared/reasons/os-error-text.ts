/**
 * What an operating system's error code means, in a few words, for the codes a file or
 * socket operation of ours can meet. Said with the code, never instead of it: the code is
 * what a search or a bug report needs.
 */
const OS_ERROR_WORDS = {
  en: {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'file or folder not found',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'a folder is in the way',
    EEXIST: 'it already exists',
    EBUSY: 'the file is in use',
    EMFILE: 'too many open files',
    ENFILE: 'too many open files',
    EIO: 'a disk read or write error',
    ENAMETOOLONG: 'the path is too long',
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    ENOTFOUND: 'the address was not found',
    EADDRINUSE: 'the port is already in use',
  },
  'zh-CN': {
    EACCES: '没有权限',
    EPERM: '不允许此操作',
    EROFS: '磁盘为只读',
    ENOSPC: '磁盘已满',
    EDQUOT: '磁盘配额已用完',
    ENOENT: '找不到文件或文件夹',
    ENOTDIR: '路径中有一段不是文件夹',
    EISDIR: '此处是一个文件夹',
    EEXIST: '已存在',
    EBUSY: '文件正被使用',
    EMFILE: '打开的文件过多',
    ENFILE: '打开的文件过多',
    EIO: '磁盘读写错误',
    ENAMETOOLONG: '路径过长',
    ECONNREFUSED: '连接被拒绝',
    ECONNRESET: '连接被重置',
    ETIMEDOUT: '连接超时',
    ENOTFOUND: '找不到该地址',
    EADDRINUSE: '端口已被占用',
  },
} as const satisfies Record<'en' | 'zh-CN', Record<string, string>>;

type OsErrorCode = keyof (typeof OS_ERROR_WORDS)['en'];

/** The words for an OS error code in `lang`, or undefined for any other code. */
export function osErrorWords(lang: 'en' | 'zh-CN', code: string): string | undefined {
  const table: Record<OsErrorCode, string> = OS_ERROR_WORDS[lang];
  return Object.hasOwn(table, code) ? table[code as OsErrorCode] : undefined;
}
