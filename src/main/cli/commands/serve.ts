import type { CliCommand } from '../common/cli-context.ts';
import { CliError } from '../common/cli-error.ts';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'serve',
  summary: { en: 'serve (not built yet)', 'zh-CN': 'serve（尚未实现）' },
  async run() {
    throw new CliError('alpha-monitor serve is not built yet');
  },
};
