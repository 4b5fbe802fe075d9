import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'sim',
  summary: { en: 'sim (not built yet)', 'zh-CN': 'sim（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor sim is not built yet');
  },
};
