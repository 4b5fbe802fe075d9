import { createCliLogger } from '../common/cli-logger.ts';
import { resolve } from 'node:path';
import { exportDailySummaryCsv } from '../../core/export/csv-export.ts';
import { PointsService } from '../../core/points/index.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { isFatalAuthError } from '../../core/rest/index.ts';
import { createAccountRest } from '../../core/session/index.ts';
import type { CliCommand } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { parseCommandArgs, resolveConnection } from '../common/connection-options.ts';
import { connectionMessages } from '../i18n/connection-messages.ts';
import { pointsMessages, pointsReport } from '../i18n/points-messages.ts';
import { describeError } from '../i18n/session-messages.ts';

/** `alpha-monitor points`: today's points, the 15-day window, the next point and today's wear. */
export const command: CliCommand = {
  name: 'points',
  summary: { en: pointsMessages('en').summary(), 'zh-CN': pointsMessages('zh-CN').summary() },
  async run(argv, context) {
    const m = pointsMessages(context.lang);
    const { connection, values } = parseCommandArgs(argv, context.lang, {
      token: { type: 'string' },
      csv: { type: 'string' },
    });
    if (connection.help) {
      context.stdout(`${m.usage()}\n${connectionMessages(context.lang).commonOptions()}\n`);
      return ExitCode.ok;
    }
    const resolved = await resolveConnection(connection, context);
    try {
      const service = new PointsService({
        accountId: resolved.accountId,
        rest: createAccountRest({
          accountId: resolved.accountId,
          restUrl: resolved.restUrl,
          credentials: resolved.credentials,
          logger: createCliLogger(context, connection.verbose, 'points').child({
            account: resolved.accountId,
          }),
        }).rest,
        clock: systemClock,
        preferredToken: typeof values.token === 'string' ? values.token : undefined,
      });
      let snapshot;
      let days;
      try {
        snapshot = await service.refresh();
        days = service.dailySummary();
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'UNKNOWN';
        const reason = describeError(context.lang, error);
        if (isFatalAuthError(error))
          throw new CliError(m.authRejected(code, reason), ExitCode.credentialsRejected);
        throw new CliError(m.failed(code, reason), ExitCode.failure);
      } finally {
        service.dispose();
      }
      if (connection.json) context.stdout(`${JSON.stringify({ type: 'points', ...snapshot })}\n`);
      else context.stdout(`${pointsReport(context.lang, snapshot).join('\n')}\n`);
      if (typeof values.csv === 'string') {
        const outPath = resolve(values.csv);
        try {
          await exportDailySummaryCsv({ outPath, rows: days });
        } catch (error) {
          const code = (error as { code?: string }).code ?? 'EXPORT_FAILED';
          throw new CliError(m.csvFailed(code, (error as Error).message), ExitCode.failure);
        }
        // On stderr with --json, so stdout stays one JSON object.
        (connection.json ? context.stderr : context.stdout)(
          `${m.csvWritten(days.length, outPath)}\n`,
        );
      }
      return ExitCode.ok;
    } finally {
      await resolved.dispose();
    }
  },
};
