import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures.ts';

const SECRET = 'e2e-signing-secret-7f3a';

/** A webhook receiver on loopback that records each POST. */
async function startReceiver() {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('Settings → Alerts: a webhook with a signing secret gets the "Send test" message', async ({
  page,
  host,
}) => {
  const receiver = await startReceiver();
  try {
    await page.goto(host.url);
    await page.getByTestId('open-settings').click();
    const alerts = page.getByTestId('alerts-settings');
    await expect(alerts.getByTestId('alerts-send-test')).toBeDisabled();
    // The box shows what main stored: it turns checked once the change has made the round trip.
    await alerts.getByTestId('alerts-webhook-enabled').click();
    await expect(alerts.getByTestId('alerts-webhook-enabled')).toBeChecked();
    await alerts.getByTestId('alerts-webhook-url').fill(receiver.url);
    await alerts.getByTestId('alerts-webhook-url').press('Enter');
    await alerts.getByTestId('alerts-webhook-secret').fill(SECRET);
    await alerts.getByTestId('alerts-webhook-secret-save').click();
    await expect(alerts.getByTestId('alerts-webhook-secret-status')).toHaveText(
      '(set, in the keychain)',
    );
    await expect(alerts.getByTestId('alerts-webhook-secret')).toHaveValue('');

    await alerts.getByTestId('alerts-send-test').click();
    await expect(alerts.getByTestId('alerts-test-webhook')).toHaveText(
      `Webhook: test sent to ${new URL(receiver.url).origin}/….`,
    );
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toMatchObject({
      kind: 'test',
      schema: 'alpha-monitor.alert/1',
    });
    const signature = createHmac('sha256', SECRET).update(request!.body).digest('hex');
    expect(request!.headers['x-alpha-monitor-signature']).toBe(`sha256=${signature}`);
    // The secret went to main once and never came back to the page.
    expect(await page.content()).not.toContain(SECRET);
  } finally {
    await receiver.close();
  }
});
