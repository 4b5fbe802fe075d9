import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'accounts',
  summary: { en: 'accounts (not built yet)', 'zh-CN': 'accounts（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor accounts is not built yet');
  },
};
