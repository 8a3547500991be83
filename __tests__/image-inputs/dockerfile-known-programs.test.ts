// Every entry of the tables that let a RUN command keep `go` inputs exact, one at a time: the
// programs known to read no file, the package managers, the file tools, the shells and the
// wrappers with each option they take, and the value-taking flags of `go build`. An entry lost
// from a table would make that command fall back to `dockerfile` (or misread a `go build`).
import { readDockerfileInputs } from '../../src/image-inputs/dockerfile-inputs.js';

const dockerfile = (...lines: string[]) => lines.join('\n');
/** A stage holding the whole context in /src, then `run`. */
const holdingTheContext = (run: string) => dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', `RUN ${run}`);
const otherCommands = (text: string) => readDockerfileInputs(text).otherCommands.map((other) => other.command);

test.each([
  'echo hi',
  'printf hi',
  'true',
  'false',
  'test -n "$X"',
  '[ -n "$X" ]',
  'set -eux',
  'export X=1',
  'unset X',
  ': placeholder',
  'umask 022',
  'sleep 1',
  'exit 0',
  'read -r X',
  'tr a-z A-Z',
  'chmod 755 /out',
  'chown 1001 /out',
  'chgrp 0 /out',
  'mkdir -p /out',
  'rm -rf /tmp/cache',
  'rmdir /tmp/empty',
  'touch /out/.keep',
  'useradd -r app',
  'usermod -aG wheel app',
  'userdel old',
  'groupadd tools',
  'groupmod -n tooling tools',
  'adduser -D app',
  'addgroup tools',
  'update-ca-certificates',
  'ldconfig',
])('RUN %s reads no file: it keeps the go inputs', (run) => {
  expect(otherCommands(holdingTheContext(run))).toEqual([]);
});

test.each(['dnf', 'microdnf', 'yum', 'rpm', 'apt-get', 'apt', 'dpkg', 'apk', 'zypper'])('%s installing packages by name reads no file', (manager) => {
  expect(otherCommands(holdingTheContext(`${manager} install -y git`))).toEqual([]);
});

test.each(['cp', 'mv', 'install', 'rsync', 'tar', 'ln', 'cat', 'sed', 'envsubst', 'unzip', 'gzip'])(
  '%s given only paths outside the copied tree reads nothing of the context',
  (tool) => {
    expect(otherCommands(holdingTheContext(`${tool} /etc/a /etc/b`))).toEqual([]);
  },
);

test.each(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh'])('%s -c runs the command line it is given, read like the others', (shell) => {
  expect(otherCommands(holdingTheContext(`${shell} -c 'echo hi'`))).toEqual([]);
  expect(otherCommands(holdingTheContext(`${shell} -c './hack/gen.sh'`))).toEqual(['./hack/gen.sh']);
});

test.each([
  ...['-o pipefail', '-O extglob', '--rcfile /etc/rc', '--init-file /etc/rc'],
  ...'a b e f h i k l m n p r s t u v x B C D E H P T'.split(' ').map((letter) => `-${letter}`),
  ...['login', 'noprofile', 'norc', 'posix', 'restricted', 'verbose', 'noediting', 'debugger'].map((name) => `--${name}`),
])('bash %s -c is followed into its command line', (option) => {
  expect(otherCommands(holdingTheContext(`bash ${option} -c 'echo hi'`))).toEqual([]);
});

test.each([
  'env -u HOME',
  'env -C /tmp',
  'env --unset HOME',
  'env --chdir /tmp',
  'env -i',
  'env -0',
  'env -v',
  'env -',
  'env --ignore-environment',
  'env --null',
  'env --debug',
  'env --default-signal',
  'env --ignore-signal',
  'env --block-signal',
  'env --list-signal-handling',
  'exec -a name',
  'exec -c',
  'exec -l',
  'time -f %e',
  'time -o /tmp/t',
  'time --format %e',
  'time --output /tmp/t',
  'time -p',
  'time -a',
  'time -v',
  'time -q',
  'time --append',
  'time --verbose',
  'time --portability',
  'time --quiet',
  'nice -n 5',
  'nice --adjustment 5',
  ...'0 1 2 3 4 5 6 7 8 9'.split(' ').map((digit) => `nice -${digit}`),
  'nohup',
  'command -p',
])('%s is followed to the program it runs', (wrapper) => {
  expect(otherCommands(holdingTheContext(`${wrapper} echo hi`))).toEqual([]);
  expect(otherCommands(holdingTheContext(`${wrapper} ./hack/gen.sh`))).toEqual(['./hack/gen.sh']);
});

test('env -S splits its value into the command it runs', () => {
  expect(otherCommands(holdingTheContext("env -S 'echo hi'"))).toEqual([]);
  expect(otherCommands(holdingTheContext('env --split-string=./hack/gen.sh'))).toEqual(['./hack/gen.sh']);
});

test.each([
  ['-C', '.'],
  ['-o', '/out/app'],
  ['-p', '4'],
  ['-asmflags', 'all=-trimpath'],
  ['-buildmode', 'exe'],
  ['-compiler', 'gc'],
  ['-coverpkg', 'all'],
  ['-covermode', 'atomic'],
  ['-gccgoflags', 'x'],
  ['-gcflags', 'all=-N'],
  ['-installsuffix', 'static'],
  ['-ldflags', 'all=-s'],
  ['-mod', 'mod'],
  ['-modfile', 'go.alt.mod'],
  ['-overlay', 'overlay.json'],
  ['-pgo', 'off'],
  ['-pkgdir', '/tmp/pkg'],
  ['-tags', 'netgo'],
  ['-toolexec', 'time'],
])('go build %s takes the next word as its value', (flag, value) => {
  const { goBuilds } = readDockerfileInputs(holdingTheContext(`go build ${flag} ${value} ./cmd/app`));
  expect(goBuilds.map((build) => build.packages)).toEqual([['cmd/app']]);
});
