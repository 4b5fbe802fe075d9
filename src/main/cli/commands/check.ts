import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'check',
  summary: { en: 'check (not built yet)', 'zh-CN': 'check（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor check is not built yet');
  },
};
