import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'watch',
  summary: { en: 'watch (not built yet)', 'zh-CN': 'watch（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor watch is not built yet');
  },
};
