import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/paths';

jest.setTimeout(90_000);

let child: ChildProcess | undefined;

afterEach(() => {
  // npm start runs npm, then tsx, then node: end the whole process group.
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

/** Runs `npm start` as the README says and resolves with the URL it prints. */
function npmStart(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn('npm', ['start'], { cwd: repoRoot, env: { ...process.env, ...env }, detached: true });
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Custodian is running at (\S+?)\/?\n/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before serving:\n${output}`)));
  });
}

it('serves the start page and the three surfaces on loopback', async () => {
  const url = await npmStart({ PORT: '0' });
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  for (const page of ['/', '/addin/taskpane.html', '/teams/index.html', '/workbench/index.html']) {
    const response = await fetch(`${url}${page}`);
    expect({ page, status: response.status }).toEqual({ page, status: 200 });
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  }
  expect((await fetch(`${url}/missing.html`)).status).toBe(404);
});

it('serves the dev tenant on the same origin, with a token for each persona', async () => {
  const url = await npmStart({ PORT: '0' });
  const token = (await (await fetch(`${url}/devtenant/token?persona=site-owner`)).json()) as { access_token: string };
  const sites = await fetch(`${url}/v1.0/sites?search=finance`, { headers: { Authorization: `Bearer ${token.access_token}` } });
  expect(sites.status).toBe(200);
  const body = (await sites.json()) as { value: { webUrl: string }[] };
  expect(body.value.length).toBeGreaterThan(0);
  expect(body.value[0].webUrl.startsWith(`${url}/`)).toBe(true);
  expect((await fetch(`${url}/v1.0/sites?search=finance`)).status).toBe(401);
});

it('refuses a PORT that is not a port number, saying what it expects', async () => {
  await expect(npmStart({ PORT: 'eighty' })).rejects.toThrow(/PORT must be a port number/);
});
