// Dockerfiles whose image depends on context files that the Go source does not account for:
// scripts run through a shell, a wrapper (env, exec, time, …) or a path; a here-document or a
// command substitution; a file taken out of a stage whose copy of the context went to its base
// image's WORKDIR. In the `go` inputs mode each must either fall back to `dockerfile` or count
// the file, since an input missed means an image built from old sources.
import { readDockerfileInputs } from '../../src/image-inputs/dockerfile-inputs.js';
import { selectInputs } from '../../src/image-inputs/inputs.js';
import { memoryContext } from './memory-context.js';

const FILES: Record<string, string> = {
  'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
  'config.yaml': 'port: 8080\n',
  'go.mod': 'module example.com/app\n',
  'hack/gen.sh': '#!/bin/sh\n',
  'templates/x': 'x\n',
};
const EVERY_FILE = Object.keys(FILES).sort();
const GO_SOURCE = ['cmd/app/main.go', 'go.mod'];

const dockerfile = (...lines: string[]) => lines.join('\n');
/** A Go stage that copies the whole context into /src, then `run`, then builds ./cmd/app. */
const goStage = (...run: string[]) => dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', ...run, 'RUN go build -o /app ./cmd/app');
const otherCommands = (text: string) => readDockerfileInputs(text).otherCommands.map((other) => other.command);
const goBuilds = (text: string) => readDockerfileInputs(text).goBuilds.map(({ packages, unreadable }) => ({ packages, unreadable }));

async function goInputs(text: string) {
  const { index, reader } = memoryContext(FILES);
  const inputs = await selectInputs(index, reader, text, { name: 'app', inputs: 'go', goPackage: 'cmd/app' });
  return { mode: inputs.mode, fallback: inputs.fallback, files: inputs.files.map((file) => file.entry.path), reasons: new Map(inputs.files.map((file) => [file.entry.path, file.reason])) };
}

async function expectFallbackFor(text: string, command: string) {
  expect(await goInputs(text)).toMatchObject({
    mode: 'dockerfile',
    fallback: `the Dockerfile runs \`${command}\` (line 4), which may read any file of the context`,
    files: EVERY_FILE,
  });
}

describe('a script run through a shell', () => {
  test.each([
    ['sh -c ./hack/gen.sh', './hack/gen.sh'],
    ['bash -c "make build"', 'make build'],
    ['bash -e hack/gen.sh', 'bash -e hack/gen.sh'],
    ["sh -ec './hack/gen.sh --all'", './hack/gen.sh --all'],
    ['bash -xc "cd hack && ./gen.sh"', './gen.sh'],
    ["bash -o pipefail -c 'make -C hack'", 'make -C hack'],
    ['dash -- hack/gen.sh', 'dash -- hack/gen.sh'],
    ['bash --norc -x hack/gen.sh', 'bash --norc -x hack/gen.sh'],
    ['["/bin/sh", "-c", "./hack/gen.sh"]', './hack/gen.sh'],
    ['zsh -c "sh -c \'make\'"', 'make'],
  ])('RUN %s runs a file of the context: go falls back', async (run, command) => {
    const text = goStage(`RUN ${run}`);
    expect(otherCommands(text)).toEqual([command]);
    await expectFallbackFor(text, command);
  });

  test('a shell option whose shape is not known may take the script as its value: the command counts', () => {
    expect(otherCommands(goStage('RUN zsh -Z hack/gen.sh'))).toEqual(['zsh -Z hack/gen.sh']);
  });

  test('a shell that runs an ordinary command, or reads its script from a pipe, keeps the go inputs exact', async () => {
    const text = goStage(
      "RUN sh -c 'echo built > /etc/built'",
      'RUN curl -fsSL https://example.com/install | bash -s -- --version 2',
      "RUN bash -eu -o pipefail -c 'dnf install -y git' name arg",
    );
    expect(otherCommands(text)).toEqual([]);
    expect(await goInputs(text)).toMatchObject({ mode: 'go', fallback: undefined, files: GO_SOURCE });
  });

  test('a go build inside `sh -c` is read like one outside it, a cd before it included', () => {
    const text = goStage('RUN sh -c "CGO_ENABLED=0 go build -o /bin/app ./cmd/app"', "RUN bash -c 'cd cmd && go build ./app'");
    expect(goBuilds(text)).toEqual([
      { packages: ['cmd/app'], unreadable: undefined },
      { packages: undefined, unreadable: 'it runs after a `cd`' },
      { packages: ['cmd/app'], unreadable: undefined },
    ]);
  });
});

describe('a program named by its path', () => {
  test.each([
    ['an absolute path into the copied tree', '/src/hack/gen.sh'],
    ['a relative path without a script extension', 'hack/tool'],
    ['a path through a variable', '${SRC}/hack/gen.sh'],
    ['a program that is a variable', '$GENERATOR'],
  ])('%s runs a file of the context: go falls back', async (_what, program) => {
    const text = goStage(`RUN ${program} --out /srv`);
    expect(otherCommands(text)).toEqual([`${program} --out /srv`]);
    await expectFallbackFor(text, `${program} --out /srv`);
  });

  test('with the context copied to /, any absolute path may be a file of it', () => {
    expect(otherCommands(dockerfile('FROM alpine', 'COPY . /', 'RUN /hack/gen.sh', 'RUN cp /config.yaml /etc/app.yaml'))).toEqual([
      '/hack/gen.sh',
      'cp /config.yaml /etc/app.yaml',
    ]);
  });

  test('the context bound into a RUN step is a copied tree for that step only', async () => {
    const text = dockerfile(
      'FROM golang',
      'WORKDIR /src',
      'COPY . .',
      'RUN --mount=type=bind,target=/mnt/ctx cp /mnt/ctx/config.yaml /etc/app.yaml',
      'RUN --mount=type=bind,source=hack,target=/opt/hack cp /opt/hack/gen.sh /usr/local/bin/',
      'RUN cp /opt/hack/gen.sh /usr/local/bin/',
      'RUN go build -o /app ./cmd/app',
    );
    expect(readDockerfileInputs(text).otherCommands).toEqual([
      { line: 4, command: 'cp /mnt/ctx/config.yaml /etc/app.yaml' },
      { line: 5, command: 'cp /opt/hack/gen.sh /usr/local/bin/' },
    ]);
    expect((await goInputs(text)).mode).toBe('dockerfile');
  });

  test('programs of the base image named by their path are no file of the context, shells and env included', async () => {
    const text = goStage('RUN /usr/sbin/useradd -r app', 'RUN ["/bin/sh", "-c", "echo hi"]', 'RUN /usr/bin/env true');
    expect(otherCommands(text)).toEqual([]);
    expect((await goInputs(text)).files).toEqual(GO_SOURCE);
  });
});

describe('a command behind a wrapper', () => {
  test.each([
    ['env -i PATH=/bin ./hack/gen.sh', './hack/gen.sh'],
    ['env -u HOME -i ./hack/gen.sh', './hack/gen.sh'],
    ['env - A=1 ./hack/gen.sh', './hack/gen.sh'],
    ['env -C /src make', 'make'],
    ['env --chdir=/src --unset=HOME make', 'make'],
    ["/usr/bin/env -S './hack/gen.sh --all'", './hack/gen.sh --all'],
    ['time -p make', 'make'],
    ['time -f %e -o /tmp/t make', 'make'],
    ['exec -a x ./run', './run'],
    ['nice -n 5 ./hack/gen.sh', './hack/gen.sh'],
    ['nice -10 nohup hack/gen.sh', 'hack/gen.sh'],
    ['command -p make', 'make'],
    ['exec env -i time ./hack/gen.sh', './hack/gen.sh'],
  ])('RUN %s is seen through: go falls back', async (run, command) => {
    const text = goStage(`RUN ${run}`);
    expect(otherCommands(text)).toEqual([command]);
    await expectFallbackFor(text, command);
  });

  test.each(['env --frobnicate value echo hi', 'exec -z echo hi', 'time --format %e --precision 3 echo hi'])(
    'RUN %s: an option of unknown shape may take the program as its value, so the command counts',
    (run) => {
      expect(otherCommands(goStage(`RUN ${run}`))).toEqual([run]);
    },
  );

  test('wrappers of ordinary commands and of go build keep the go inputs exact', async () => {
    const text = dockerfile(
      'FROM golang',
      'WORKDIR /src',
      'COPY . .',
      'RUN command -v make || echo "no make"',
      'RUN time go mod download',
      'RUN env CGO_ENABLED=0 GOOS=linux nice -n 5 go build -o /app ./cmd/app',
    );
    expect(readDockerfileInputs(text)).toMatchObject({ otherCommands: [], goBuilds: [{ line: 6, packages: ['cmd/app'] }] });
    expect(await goInputs(text)).toMatchObject({ mode: 'go', files: GO_SOURCE });
  });

  test('a go build under `env -C` runs elsewhere and cannot be read', () => {
    expect(goBuilds(goStage('RUN env -C cmd go build -o /app ./app'))[0]).toEqual({ packages: undefined, unreadable: 'it runs in the directory of `env -C`' });
  });
});

describe('a stage from an image starts in that image’s WORKDIR, which the Dockerfile does not show', () => {
  const fromGolang = (...lines: string[]) => dockerfile('FROM golang AS build', ...lines, 'RUN go build -o /app ./cmd/app', 'FROM scratch');

  test('a file taken out of the copied tree by an absolute path may be any file that copy took: all count, with the reason', async () => {
    const text = dockerfile(fromGolang('COPY . .'), 'COPY --from=build /go/config.yaml /config.yaml');
    const note = "the copy on line 2 may have put it there, as the Dockerfile does not set the base image's WORKDIR";
    expect(readDockerfileInputs(text).fromStages).toEqual([{ source: '', line: 5, note }]);
    const inputs = await goInputs(text);
    expect(inputs).toMatchObject({ mode: 'go', files: EVERY_FILE });
    expect(inputs.reasons.get('config.yaml')).toBe(`copied out of a build stage by the Dockerfile (line 5: ${note})`);
  });

  test('paths relative to that WORKDIR still meet: go build ./cmd/app after COPY . . builds cmd/app', () => {
    expect(goBuilds(fromGolang('COPY . .'))).toEqual([{ packages: ['cmd/app'], unreadable: undefined }]);
  });

  test('an absolute go build package cannot be placed against a copy relative to that WORKDIR', () => {
    const [build] = goBuilds(dockerfile('FROM golang', 'COPY . .', 'RUN go build -o /app /go/cmd/app'));
    expect(build.packages).toBeUndefined();
  });

  test('nor a relative one against a copy to an absolute path, which that WORKDIR may hold', () => {
    expect(goBuilds(dockerfile('FROM golang', 'COPY . .', 'COPY templates /go/templates', 'RUN go build ./cmd/app'))).toEqual([
      { packages: undefined, unreadable: "the copy on line 3 may have put files at <WORKDIR of the base image>/cmd/app too, as the Dockerfile does not set the base image's WORKDIR" },
    ]);
  });

  test('a WORKDIR that uses a variable, or a destination that does, is as unknown: what COPY --from takes counts whole', async () => {
    const viaWorkdir = dockerfile('FROM golang AS build', 'ARG DIR', 'WORKDIR $DIR', 'COPY . .', 'FROM scratch', 'COPY --from=build /src/config.yaml /config.yaml');
    const viaDest = dockerfile('FROM golang AS build', 'ARG DIR', 'COPY . ${DIR}/', 'FROM scratch', 'COPY --from=build /src/config.yaml /config.yaml');
    const note = (line: number) => `the copy on line ${line} may have put it there, as its destination cannot be read without the build`;
    expect(readDockerfileInputs(viaWorkdir).fromStages).toEqual([{ source: '', line: 6, note: note(4) }]);
    expect(readDockerfileInputs(viaDest).fromStages).toEqual([{ source: '', line: 5, note: note(3) }]);
    expect((await goInputs(`${viaWorkdir}\n`)).files).toContain('config.yaml');
  });

  test('a COPY --from path that uses a variable may name anything the stage copied', () => {
    const text = dockerfile('FROM golang AS build', 'WORKDIR /src', 'COPY . .', 'FROM scratch', 'ARG CONF', 'COPY --from=build /src/${CONF} /etc/app/');
    expect(readDockerfileInputs(text).fromStages).toEqual([{ source: '', line: 6, note: 'the copy on line 3 may have put it there, as the path uses a variable' }]);
  });

  test('an absolute WORKDIR sets it again, after the base image’s or a variable one: the mapping is exact', () => {
    const text = dockerfile('FROM golang AS build', 'ARG DIR', 'WORKDIR $DIR', 'WORKDIR /src', 'COPY . .', 'FROM scratch', 'COPY --from=build /src/config.yaml /config.yaml');
    expect(readDockerfileInputs(text).fromStages).toEqual([{ source: 'config.yaml', line: 7 }]);
  });

  test('`..` above that WORKDIR leads somewhere unknown', () => {
    expect(goBuilds(dockerfile('FROM golang', 'WORKDIR ..', 'COPY . .', 'RUN go build ./cmd/app'))).toEqual([
      { packages: undefined, unreadable: "its working directory is above the base image's WORKDIR, which the Dockerfile does not set" },
    ]);
  });

  test('a stage with its WORKDIR set before copying keeps exact COPY --from paths, with no copy taken whole', async () => {
    const text = dockerfile(
      'FROM golang AS builder',
      'WORKDIR /opt/app-root/src',
      'COPY go.mod go.sum ./',
      'COPY . .',
      'RUN go build -o data-storage ./cmd/app',
      'FROM scratch',
      'COPY --from=builder /etc/passwd /etc/passwd',
      'COPY --from=builder /opt/app-root/src/config.yaml /etc/config.yaml',
    );
    const { fromStages } = readDockerfileInputs(text);
    expect(fromStages.filter((taken) => taken.note !== undefined)).toEqual([]);
    expect(await goInputs(text)).toMatchObject({ mode: 'go', files: ['cmd/app/main.go', 'config.yaml', 'go.mod'] });
  });
});

describe('commands in here-documents and command substitutions', () => {
  test('the lines of a RUN here-document are commands', async () => {
    const text = dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', 'RUN <<EOF', 'set -e', './hack/gen.sh', 'EOF', 'RUN go build -o /app ./cmd/app');
    expect(readDockerfileInputs(text).otherCommands).toEqual([{ line: 4, command: './hack/gen.sh' }]);
    expect((await goInputs(text)).fallback).toBe('the Dockerfile runs `./hack/gen.sh` (line 4), which may read any file of the context');
  });

  test('a here-document fed to cat and redirected to a file reads nothing of the context', () => {
    expect(otherCommands(goStage('RUN cat << EOF > /etc/motd', 'hello', 'EOF', 'RUN tr a-z A-Z <<< hello 2>/dev/null > /etc/hello'))).toEqual([]);
  });

  test('an input redirection from a file of the context reads it; a redirect target is no program', () => {
    const text = goStage('RUN while read -r line; do echo "$line"; done < config.yaml > /etc/lines', 'RUN sh < /src/hack/gen.sh', 'RUN sh < /dev/null');
    expect(otherCommands(text)).toEqual(['done < config.yaml > /etc/lines', 'sh < /src/hack/gen.sh']);
  });

  test.each([
    ['VERSION="$(./hack/version.sh)" true', './hack/version.sh'],
    ['echo "built at `hack/stamp`" > /etc/stamp', 'hack/stamp'],
    ['echo `make -s print-version`', 'make -s print-version'],
  ])('RUN %s runs its substitution', (run, command) => {
    expect(otherCommands(goStage(`RUN ${run}`))).toEqual([command]);
  });
});
