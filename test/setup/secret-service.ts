/**
 * A real Secret Service for the test suite (ADR 002: tests talk to a real keychain, not a stub).
 *
 * On Linux, when no working Secret Service is reachable, the global setup starts a private
 * D-Bus session bus and gnome-keyring-daemon in it (Debian packages `dbus`, `gnome-keyring`),
 * with its keyrings in a temp folder, unlocked with a throwaway password so writes never
 * prompt, and exports DBUS_SESSION_BUS_ADDRESS for the test workers. Other platforms use the
 * OS keychain. Tests call {@link requireTestKeychain} and fail loudly when none was provided.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set by the global setup: `system`, `private`, or `unavailable: <why>`. */
export const TEST_KEYCHAIN_ENV_VAR = 'ALPHA_MONITOR_TEST_KEYCHAIN';

/** The keychain service tests use, so a developer's real `alpha-monitor` entries stay untouched. */
export const TEST_KEYCHAIN_SERVICE = 'alpha-monitor-test';

const PROBE_SERVICE = 'alpha-monitor-test-probe';
const STARTUP_TIMEOUT_MS = 10_000;
/** How long a test file waits for a restarted private keyring (generous: the machine is busy). */
const RESTART_WAIT_MS = 60_000;
const KEYRING_PASSWORD = 'alpha-monitor-test-keyring';

/**
 * Throws (never skips) when the test setup could not provide a keychain on Linux. With the
 * private one, also waits until it answers: gnome-keyring-daemon has been seen to abort
 * (SIGTRAP in GLib) under a busy suite, and the global setup then starts it again on the same
 * bus, so a file that starts during the restart waits instead of failing. Other platforms use
 * the OS keychain and always pass.
 */
export async function requireTestKeychain(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (process.platform !== 'linux') return;
  const state = env[TEST_KEYCHAIN_ENV_VAR];
  if (state === 'system') return;
  if (state === 'private') {
    const deadline = Date.now() + RESTART_WAIT_MS;
    while (!(await probe(5_000))) {
      if (Date.now() > deadline)
        throw new Error(
          `The private Secret Service stopped answering and did not come back within ${RESTART_WAIT_MS / 1000} s.`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return;
  }
  throw new Error(
    `No Secret Service for the keychain tests (${state ?? 'global setup did not run'}). ` +
      'Install the Debian packages dbus, dbus-x11 and gnome-keyring; the test setup starts them itself.',
  );
}

/** Registered in test/setup/global-setup.ts. Returns the teardown. */
export async function setupSecretService(): Promise<() => Promise<void>> {
  if (process.platform !== 'linux') return async () => {};
  if (await probe(3_000)) {
    process.env[TEST_KEYCHAIN_ENV_VAR] = 'system';
    return async () => {};
  }
  try {
    const { teardown } = await startPrivateSecretService();
    process.env[TEST_KEYCHAIN_ENV_VAR] = 'private';
    return teardown;
  } catch (error) {
    process.env[TEST_KEYCHAIN_ENV_VAR] = `unavailable: ${(error as Error).message}`;
    return async () => {};
  }
}

/** A full round trip through the Secret Service, so a locked or collection-less one counts as absent. */
async function probe(timeoutMs: number): Promise<boolean> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const attempt = (async () => {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    const entry = new AsyncEntry(PROBE_SERVICE, 'probe', { linux: { store: 'secret-service' } });
    await entry.setPassword('probe');
    const ok = (await entry.getPassword()) === 'probe';
    await entry.deletePassword();
    return ok;
  })().catch(() => false);
  // A locked keyring may show an unlock prompt and never answer: give up after a while.
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), timeoutMs).unref(),
  );
  return Promise.race([attempt, timeout]);
}

/** A private bus and a supervised gnome-keyring; sets DBUS_SESSION_BUS_ADDRESS until the teardown. */
export async function startPrivateSecretService(): Promise<{
  teardown: () => Promise<void>;
  /** The running gnome-keyring-daemon's pid (it changes when the supervisor restarts it). */
  keyringPid: () => number | undefined;
}> {
  const root = await mkdtemp(join(tmpdir(), 'alpha-monitor-keyring-'));
  const children: ChildProcess[] = [];
  const previousAddress = process.env.DBUS_SESSION_BUS_ADDRESS;
  let supervisor: KeyringSupervisor | undefined;
  const teardown = async () => {
    supervisor?.stop();
    for (const child of children.reverse()) await stop(child);
    if (previousAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previousAddress;
    await rm(root, { recursive: true, force: true });
  };
  try {
    const dataDir = join(root, 'data');
    const runtimeDir = join(root, 'run');
    await mkdir(dataDir, { recursive: true });
    await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
    // The keyrings and gnome-keyring's control socket go to the temp folder, also for any
    // daemon the bus itself activates.
    const env = { ...process.env, XDG_DATA_HOME: dataDir, XDG_RUNTIME_DIR: runtimeDir, HOME: root };

    // Our own bus config: like the session bus, but without service activation, so nothing
    // starts a second, unmanaged gnome-keyring when a probe races the one we start.
    const busConfig = join(root, 'session.conf');
    await writeFile(busConfig, busConfigXml(root));
    const bus = spawn(
      'dbus-daemon',
      [`--config-file=${busConfig}`, '--nofork', '--nopidfile', '--print-address=1'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(bus);
    const address = await firstLine(bus, 'dbus-daemon');

    const keyringEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: address };
    const first = startKeyring(keyringEnv);
    children.push(first.child);
    const running = superviseKeyring(first, keyringEnv, children);
    supervisor = running;

    process.env.DBUS_SESSION_BUS_ADDRESS = address;
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (!(await probe(2_000))) {
      if (first.failed() || Date.now() > deadline) {
        throw new Error(
          `gnome-keyring-daemon did not come up: ${first.errors().trim() || 'no output'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { teardown, keyringPid: () => running.current().pid };
  } catch (error) {
    await teardown();
    throw error;
  }
}

function startKeyring(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  errors: () => string;
  failed: () => boolean;
} {
  const child = spawn(
    'gnome-keyring-daemon',
    ['--foreground', '--unlock', '--components=secrets'],
    {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  const said = collect(child);
  // Not installed (ENOENT): without a listener the 'error' event would crash the test run
  // instead of reporting "unavailable" with what to install.
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const errors = () =>
    spawnError ? `gnome-keyring-daemon could not start: ${spawnError.message}` : said();
  // --unlock reads the login keyring's password from stdin: the first start creates the keyring
  // with it (the default collection, unlocked), a restart unlocks the same one from disk.
  child.stdin.on('error', () => {}); // a daemon that never started has no reader
  child.stdin.end(KEYRING_PASSWORD);
  return { child, errors, failed: () => spawnError !== undefined || child.exitCode !== null };
}

interface KeyringSupervisor {
  current(): ChildProcess;
  stop(): void;
}

/**
 * Starts gnome-keyring-daemon again, on the same bus and keyring folder, whenever it exits
 * before the teardown (it has aborted with SIGTRAP in GLib under a busy suite, which left every
 * later keychain test with "No Secret Service is reachable"). Says so on stderr, since a test
 * running at that moment may still fail.
 */
function superviseKeyring(
  first: { child: ChildProcess; errors: () => string },
  env: NodeJS.ProcessEnv,
  children: ChildProcess[],
): KeyringSupervisor {
  let stopped = false;
  let restarts = 0;
  let current = first.child;
  const watch = (child: ChildProcess, errors: () => string) => {
    current = child;
    child.once('exit', (code, signal) => {
      if (stopped) return;
      restarts += 1;
      const said = errors().trim();
      process.stderr.write(
        `[test keychain] gnome-keyring-daemon exited (${signal ?? `code ${code}`}` +
          `${said ? `: ${said.slice(-300)}` : ''}); starting it again (restart ${restarts}).\n`,
      );
      // Back off a little when it keeps dying at once, so a broken install does not spin.
      setTimeout(
        () => {
          if (stopped) return;
          const next = startKeyring(env);
          children.push(next.child);
          watch(next.child, next.errors);
        },
        Math.min(2_000, 100 * restarts),
      ).unref();
    });
  };
  watch(first.child, first.errors);
  return {
    current: () => current,
    stop: () => {
      stopped = true;
    },
  };
}

function busConfigXml(socketDir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=${socketDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

function firstLine(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const errors = collect(child);
    child.once('error', (error) => reject(new Error(`${name} could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${errors().trim()}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const newline = text.indexOf('\n');
      if (newline >= 0) resolve(text.slice(0, newline).trim());
    });
  });
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function stop(child: ChildProcess): Promise<void> {
  // A child that never started (ENOENT) has no pid and will never emit 'exit'.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
