import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'strategy',
  summary: { en: 'strategy (not built yet)', 'zh-CN': 'strategy（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor strategy is not built yet');
  },
};
