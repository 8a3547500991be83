// Which RUN commands make the Go source an incomplete account of an image: in a stage that
// holds files of the context, any program not known to read no file may read them (an
// interpreter's script, a generator's configuration, a package.json), so `go` inputs fall back
// to `dockerfile` and name it. Known programs count only when a word names such a file, and a
// stage that holds nothing of the context cannot read it.
import { readDockerfileInputs } from '../../src/image-inputs/dockerfile-inputs.js';
import { selectInputs } from '../../src/image-inputs/inputs.js';
import { memoryContext } from './memory-context.js';

const FILES: Record<string, string> = {
  'api/app.proto': 'syntax = "proto3";\n',
  'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
  'go.mod': 'module example.com/app\n',
  'hack/gen.py': 'print("generated")\n',
  'package.json': '{}\n',
};

const dockerfile = (...lines: string[]) => lines.join('\n');
/** A Go stage that copies the whole context into /src, runs `run` on line 4, then builds ./cmd/app. */
const goStage = (run: string) => dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', `RUN ${run}`, 'RUN go build -o /app ./cmd/app');
const otherCommands = (text: string) => readDockerfileInputs(text).otherCommands.map((other) => other.command);

async function goInputs(text: string) {
  const { index, reader } = memoryContext(FILES);
  const inputs = await selectInputs(index, reader, text, { name: 'app', inputs: 'go', goPackage: 'cmd/app' });
  return { mode: inputs.mode, fallback: inputs.fallback, files: inputs.files.map((file) => file.entry.path) };
}

describe('a program not known to read no file, in a stage holding the context', () => {
  test.each([
    'python3 hack/gen.py',
    'python3 -m tools.gen',
    'node scripts/gen.js',
    'protoc -I. --go_out=. api/app.proto',
    'npm ci',
    'xargs -a list.txt cp -t /etc',
    'sudo make generate',
    'timeout 60 ./generate',
    'source hack/env.sh',
  ])('RUN %s falls back to the copies, naming the command', async (run) => {
    expect(await goInputs(goStage(run))).toEqual({
      mode: 'dockerfile',
      fallback: `the Dockerfile runs \`${run}\` (line 4), which may read any file of the context`,
      files: Object.keys(FILES).sort(),
    });
  });

  test('the same programs in a stage that holds nothing of the context keep the go inputs exact', async () => {
    const text = dockerfile('FROM python AS tools', "RUN python3 -c 'print(1)'", 'RUN npm ci', 'FROM golang', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./cmd/app');
    expect(otherCommands(text)).toEqual([]);
    expect(await goInputs(text)).toEqual({ mode: 'go', fallback: undefined, files: ['cmd/app/main.go', 'go.mod'] });
  });

  test('a stage holds the context once a COPY --from brings files of it there', () => {
    const text = dockerfile(
      'FROM golang AS build',
      'WORKDIR /src',
      'COPY . .',
      'FROM python',
      'RUN python3 -c "print(1)"',
      'COPY --from=build /src/hack /opt/hack',
      'RUN python3 /opt/hack/gen.py',
    );
    expect(readDockerfileInputs(text).otherCommands).toEqual([{ line: 7, command: 'python3 /opt/hack/gen.py' }]);
  });

  test('a COPY --from of something the stage did not copy from the context brings nothing of it', () => {
    const text = dockerfile('FROM golang AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM python', 'COPY --from=build /out/app /app', 'RUN python3 -V');
    expect(readDockerfileInputs(text).otherCommands).toEqual([]);
  });
});

describe('programs known to read no file, or only the files their words name', () => {
  test.each([
    'echo built > /etc/built',
    "printf '%s\\n' x > /etc/x",
    'set -eux',
    'mkdir -p /out && chmod 755 /out && chown 1001:0 /out && rm -rf /tmp/cache && touch /out/.keep',
    'useradd -r -u 1001 app && groupadd tools && update-ca-certificates',
    'dnf install -y git ca-certificates && dnf clean all',
    'microdnf install -y tzdata',
    'apt-get update && apt-get install -y --no-install-recommends git',
    'apk add --no-cache ca-certificates',
    'curl -fsSL -H "Accept: application/octet-stream" -o /usr/local/bin/kubectl https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl',
    'wget -q -O /tmp/tool.tar.gz https://example.com/tool.tar.gz',
    'go mod download',
    'go mod verify',
    'go env GOPATH',
    'go version',
    'go list -m all',
    'go vet ./...',
    'go test ./...',
  ])('RUN %s keeps the go inputs exact', async (run) => {
    expect(otherCommands(goStage(run))).toEqual([]);
    expect((await goInputs(goStage(run))).mode).toBe('go');
  });

  test.each([
    ['dnf install -y ./tools/helper.rpm', 'a package file by path'],
    ['rpm -i helper.rpm', 'a package file'],
    ['dpkg -i helper.deb', 'a Debian package'],
    ['apk add --allow-untrusted helper.apk', 'an Alpine package'],
    ['curl -d @payload.json https://example.com/hook', 'a file sent as @file'],
    ['curl -fsSL -o bin/tool https://example.com/tool', 'a path in the copied tree'],
    ['wget -O /src/tools/x https://example.com/x', 'an absolute path in the copied tree'],
  ])('RUN %s names %s: it counts', (run) => {
    expect(otherCommands(goStage(run))).toEqual([run]);
  });

  test.each(['go generate ./...', 'go run ./hack/gen', 'go tool stringer -type=Kind', 'go mod tidy', 'go mod vendor', 'go get example.com/x@v1.0.0'])(
    'RUN %s may change what the build reads: it counts',
    (run) => {
      expect(otherCommands(goStage(run))).toEqual([run]);
    },
  );
});

describe('here-documents', () => {
  test('the terminator of a RUN here-document is no command', () => {
    const text = dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', 'RUN <<EOT', 'set -e', 'echo ready', 'EOT', 'RUN <<-"END" bash', '\tmkdir -p /out', '\tEND');
    expect(otherCommands(text)).toEqual([]);
  });

  test('a program given a here-document is read like any other', () => {
    const text = dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', 'RUN <<EOF python3', 'import subprocess', 'EOF');
    expect(otherCommands(text)).toEqual(['python3', 'import subprocess']);
  });
});

describe('the quoted terminator of a here-document', () => {
  test.each(['<<"EOF"', "<<'EOF'", '<<E"O"F', '<<-"EOF"'])('%s ends at the line EOF', (document) => {
    expect(otherCommands(dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', `RUN ${document}`, 'echo ready', 'EOF'))).toEqual([]);
  });
});

describe('a subcommand is known only for go', () => {
  test.each(['helm version', 'kubectl env'])('RUN %s counts like any program not known', (run) => {
    expect(otherCommands(goStage(run))).toEqual([run]);
  });
});

describe('files a copy to an unknown destination may have put anywhere', () => {
  const unplaced = (run: string) => dockerfile('FROM golang', 'ARG DEST', 'COPY . $DEST', `RUN ${run}`);

  test.each(['cp /opt/app/config.yaml /etc/', 'dnf install -y /opt/app/tools/helper.rpm', 'curl -T /opt/app/report.txt https://example.com/'])(
    'RUN %s names a path such a copy may have filled: it counts',
    (run) => {
      expect(otherCommands(unplaced(run))).toEqual([run]);
    },
  );
});

describe('a stage built from the tree another stage copied', () => {
  test('its go build reads the packages at the place the COPY --from put them', () => {
    const text = dockerfile(
      'FROM golang AS source',
      'WORKDIR /src',
      'COPY . .',
      'FROM golang AS build',
      'COPY --from=source /src /work',
      'WORKDIR /work',
      'RUN go build -o /app ./cmd/app',
    );
    expect(readDockerfileInputs(text).goBuilds).toEqual([{ line: 7, packages: ['cmd/app'], mod: undefined }]);
  });

  test('a file taken twice over, through a directory copy, is still the context file', () => {
    const text = dockerfile(
      'FROM golang AS source',
      'WORKDIR /src',
      'COPY . .',
      'FROM alpine AS config',
      'COPY --from=source /src/deploy /etc/app/',
      'FROM scratch',
      'COPY --from=config /etc/app/values.yaml /values.yaml',
    );
    expect(readDockerfileInputs(text).fromStages.map((taken) => taken.source)).toEqual(['deploy', 'deploy/values.yaml']);
  });

  test('where a copy of the first stage may have put files unseen, the second stage does not know where they are: its go build is not read', () => {
    const text = dockerfile(
      'FROM golang AS source',
      'ARG DEST',
      'COPY . $DEST',
      'FROM golang AS build',
      'COPY --from=source /src /work',
      'WORKDIR /work',
      'RUN go build -o /app ./cmd/app',
    );
    expect(readDockerfileInputs(text).goBuilds).toEqual([
      { line: 7, packages: undefined, unreadable: '/work/cmd/app is not inside a directory copied from the context', mod: undefined },
    ]);
  });
});
