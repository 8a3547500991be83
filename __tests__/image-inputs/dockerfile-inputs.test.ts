import { readDockerfileInputs } from '../../src/image-inputs/dockerfile-inputs.js';

const sources = (text: string) => readDockerfileInputs(text).copies.map((copy) => [copy.source, copy.line]);

describe('readDockerfileInputs', () => {
  it('takes COPY and ADD sources of every stage as context paths, leaving out --from, URLs and heredocs', () => {
    const text = [
      'FROM golang AS build',
      'COPY --chown=1:0 ./go.mod /go.sum ./',
      'ADD https://example.com/x.tgz /tmp/',
      'COPY ["cmd/", "/src/cmd/"]',
      'FROM alpine',
      'COPY --from=build /out/app /app',
      'COPY <<EOF /etc/motd',
      'hello',
      'EOF',
      'ADD config/*.yaml /etc/',
      'RUN --mount=type=bind,source=scripts,target=/s --mount=type=cache,target=/root/.cache true',
      'RUN --mount=type=bind,target=/all true',
    ].join('\n');
    expect(sources(text)).toEqual([
      ['go.mod', 2],
      ['go.sum', 2],
      ['cmd', 4],
      ['config/*.yaml', 10],
      ['scripts', 11],
      ['', 12],
    ]);
  });

  it('reads COPY . . as the whole context and a source with a variable as the whole context too', () => {
    expect(sources('FROM a\nWORKDIR /w\nCOPY . .\nARG DIR\nCOPY ${DIR}/x /x\n')).toEqual([
      ['', 3],
      ['', 5],
    ]);
  });

  it('maps what COPY --from takes out of a copied tree back to its context path, through WORKDIR and inherited stages', () => {
    const text = [
      'FROM golang AS builder',
      'WORKDIR /opt/src',
      'COPY . .',
      'COPY assets/ /assets/',
      'FROM builder AS tested',
      'FROM scratch',
      'COPY --from=builder /opt/src/api/spec.yaml /spec.yaml',
      'COPY --from=tested /assets/logo.png /logo.png',
      'COPY --from=0 /opt/src/bin/app /app',
      'COPY --from=builder /etc/passwd /etc/passwd',
      'COPY --from=docker.io/library/busybox /bin/sh /sh',
    ].join('\n');
    expect(readDockerfileInputs(text).fromStages.map((copy) => [copy.source, copy.line])).toEqual([
      ['api/spec.yaml', 7],
      ['assets/logo.png', 8],
      ['bin/app', 9],
    ]);
  });

  it('reads the package of each go build through quotes, flags, assignments and shell conditionals', () => {
    const text = [
      'FROM golang',
      'WORKDIR /src',
      'COPY . .',
      'RUN if [ "$X" = "1" ]; then \\',
      '      CGO_ENABLED=0 go build -mod=mod -ldflags="-s -w -X a.B=c" -o /app ./cmd/app/main.go; \\',
      '    else go build -o=/app -tags "x y" ./cmd/app; fi',
      'WORKDIR /src/tools',
      'RUN go install ../cmd/tool',
    ].join('\n');
    expect(readDockerfileInputs(text).goBuilds).toEqual([
      { line: 4, packages: ['cmd/app'], mod: 'mod' },
      { line: 4, packages: ['cmd/app'], mod: undefined },
      { line: 8, packages: ['cmd/tool'], mod: undefined },
    ]);
  });

  it.each([
    ['a cd before it', 'RUN cd cmd && go build ./app', /after a `cd`/],
    ['a package pattern', 'RUN go build ./...', /`\.\/\.\.\.` is not one directory/],
    ['an import path', 'RUN go build example.com/m/cmd/app', /is an import path/],
    ['a directory not copied from the context', 'RUN go build /elsewhere/cmd', /\/elsewhere\/cmd is not inside a directory copied from the context/],
  ])('cannot read a go build with %s, and says why', (_what, run, reason) => {
    const [build] = readDockerfileInputs(`FROM golang\nWORKDIR /src\nCOPY . .\n${run}\n`).goBuilds;
    expect(build.packages).toBeUndefined();
    expect(build.unreadable).toMatch(reason);
  });

  it('lists RUN commands that execute or move files of the context, and not ordinary tools', () => {
    const text = [
      'FROM a',
      'WORKDIR /src',
      'COPY . .',
      'RUN dnf install -y git && chmod +x /x && echo "make it" && cp /etc/passwd /tmp/passwd',
      'RUN make build',
      'RUN ./hack/gen.sh',
      'RUN bash scripts/x',
      'RUN go generate ./...',
      'RUN cp config/app.yaml /etc/app.yaml',
      'RUN tar -xf /src/assets.tar -C /srv',
    ].join('\n');
    expect(readDockerfileInputs(text).otherCommands).toEqual([
      { line: 5, command: 'make build' },
      { line: 6, command: './hack/gen.sh' },
      { line: 7, command: 'bash scripts/x' },
      { line: 8, command: 'go generate ./...' },
      { line: 9, command: 'cp config/app.yaml /etc/app.yaml' },
      { line: 10, command: 'tar -xf /src/assets.tar -C /srv' },
    ]);
  });
});
