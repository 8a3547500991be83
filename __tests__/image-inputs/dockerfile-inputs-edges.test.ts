// Edges of what a Dockerfile takes from its context: bind mounts without a type, `go build -C`
// and a bare `go build`, files copied into a directory and taken back out with COPY --from,
// `go run`/`go tool`/`go generate` steps, JSON-form RUN steps and here-document COPY steps.
import { readDockerfileInputs } from '../../src/image-inputs/dockerfile-inputs.js';

const dockerfile = (...lines: string[]) => lines.join('\n');
const goBuilds = (text: string) => readDockerfileInputs(text).goBuilds.map(({ packages, unreadable }) => ({ packages, unreadable }));

describe('readDockerfileInputs edges', () => {
  test('a RUN mount without a type is a bind mount of the context; other types and mounts from a stage are not', () => {
    const text = dockerfile(
      'FROM golang',
      'RUN --mount=source=hack,target=/hack true',
      'RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=golang,target=/g true',
      'RUN --mount=target=/all true',
    );
    expect(readDockerfileInputs(text).copies).toEqual([
      { source: 'hack', line: 2 },
      { source: '', line: 4 },
    ]);
  });

  test.each([
    ['-C moves into a package directory', 'RUN go build -C cmd/app -o /out/app .', { packages: ['cmd/app'], unreadable: undefined }],
    ['-C=dir works the same', 'RUN go build -C=cmd/app .', { packages: ['cmd/app'], unreadable: undefined }],
    ['-C with an absolute directory', 'RUN go build -C /src/cmd ./app', { packages: ['cmd/app'], unreadable: undefined }],
    ['no package is the working directory', 'RUN go build -o /out/app', { packages: [''], unreadable: undefined }],
    ['-C without a value', 'RUN go build -C', { packages: undefined, unreadable: 'its working directory uses a variable' }],
  ])('go build: %s', (_name, run, expected) => {
    expect(goBuilds(dockerfile('FROM golang', 'WORKDIR /src', 'COPY . .', run))).toEqual([expected]);
  });

  test('a bare go build in a directory below the copied tree builds that directory', () => {
    expect(goBuilds(dockerfile('FROM golang', 'COPY . /src', 'WORKDIR /src/cmd/app', 'RUN go build'))).toEqual([
      { packages: ['cmd/app'], unreadable: undefined },
    ]);
  });

  test('go build -C after a WORKDIR that uses a variable cannot be read', () => {
    const text = dockerfile('FROM golang', 'ARG DIR', 'WORKDIR $DIR', 'COPY . .', 'RUN go build -C /src ./cmd/app');
    expect(goBuilds(text)).toEqual([{ packages: undefined, unreadable: 'its working directory uses a variable' }]);
  });

  test('a file copied into a directory is taken back out by its name or by the directory, both readings kept', () => {
    const text = dockerfile(
      'FROM golang AS build',
      'COPY config.yaml /etc/app/',
      'COPY one.txt two.txt /data',
      'FROM scratch',
      'COPY --from=build /etc/app/config.yaml /config.yaml',
      'COPY --from=build /etc/app /app',
      'COPY --from=build /data/two.txt /two.txt',
    );
    expect(readDockerfileInputs(text).fromStages).toEqual([
      { source: 'config.yaml', line: 5 },
      { source: 'config.yaml/config.yaml', line: 5 },
      { source: 'config.yaml', line: 6 },
      { source: 'one.txt/two.txt', line: 7 },
      { source: 'two.txt', line: 7 },
      { source: 'two.txt/two.txt', line: 7 },
    ]);
  });

  test.each([
    ['go generate ./...', true],
    ['go run ./hack/gen', true],
    ['go tool stringer -type=Kind', true],
    ['go vet ./...', false],
    ['go mod download', false],
    ['go test ./...', false],
  ])('RUN %s is a command that uses context files: %s', (run, uses) => {
    const { otherCommands } = readDockerfileInputs(dockerfile('FROM golang', 'COPY . .', `RUN ${run}`));
    expect(otherCommands).toEqual(uses ? [{ line: 3, command: run }] : []);
  });

  test('a JSON-form COPY keeps spaces and escapes of its sources', () => {
    const text = dockerfile('FROM alpine', 'COPY ["my dir/", "tab\\there", "/opt/"]', '  COPY --chown=1:0 [ "a \\"b\\"" , "/b"]');
    expect(readDockerfileInputs(text).copies).toEqual([
      { source: 'my dir', line: 2 },
      { source: 'tab\there', line: 2 },
      { source: 'a "b"', line: 3 },
    ]);
  });

  test('a COPY whose brackets are not valid JSON is read in shell form, as Docker does', () => {
    expect(readDockerfileInputs(dockerfile('FROM alpine', 'COPY ["a\\q", "/x/"]')).copies).toEqual([{ source: '["aq",', line: 2 }]);
  });

  test('a JSON-form RUN keeps each argument one word, quotes included', () => {
    const text = dockerfile('FROM golang', 'COPY . .', `RUN ["./hack/build.sh", "it's done", "a b"]`, 'RUN ["go", "build", \\', '    "./cmd/app"]');
    const inputs = readDockerfileInputs(text);
    expect(inputs.otherCommands).toEqual([{ line: 3, command: "./hack/build.sh it's done a b" }]);
    expect(inputs.goBuilds.map((build) => build.packages)).toEqual([['cmd/app']]);
  });

  test('a here-document COPY takes nothing from the context, a source beside it does', () => {
    const text = dockerfile('FROM alpine', 'COPY <<EOF /etc/motd', 'hello there', 'EOF', 'COPY <<EOF extra.conf /etc/app/', 'x y', 'EOF');
    expect(readDockerfileInputs(text).copies).toEqual([{ source: 'extra.conf', line: 5 }]);
  });
});
