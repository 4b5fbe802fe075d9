import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'listen-key',
  summary: { en: 'listen-key (not built yet)', 'zh-CN': 'listen-key（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor listen-key is not built yet');
  },
};
